package org.propusk.registration.internal;

import java.time.Clock;
import org.propusk.account.PasswordPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The registration's settings and the rules it borrows, gathered so that the service keeps few
 * collaborators.
 */
@Component
class RegistrationSettings {

  private final RegistrationPolicy policy;
  private final PasswordPolicy passwordPolicy;
  private final Clock clock;
  private final String publicUrl;
  private final String termsVersion;
  private final String privacyVersion;

  RegistrationSettings(
      RegistrationPolicy policy,
      PasswordPolicy passwordPolicy,
      Clock clock,
      @Value("${propusk.public-url}") String publicUrl,
      @Value("${propusk.legal.terms-version}") String termsVersion,
      @Value("${propusk.legal.privacy-version}") String privacyVersion) {
    this.policy = policy;
    this.passwordPolicy = passwordPolicy;
    this.clock = clock;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.termsVersion = termsVersion;
    this.privacyVersion = privacyVersion;
  }

  RegistrationPolicy policy() { return policy; }
  PasswordPolicy passwordPolicy() { return passwordPolicy; }
  Clock clock() { return clock; }
  String publicUrl() { return publicUrl; }
  String termsVersion() { return termsVersion; }
  String privacyVersion() { return privacyVersion; }
}
