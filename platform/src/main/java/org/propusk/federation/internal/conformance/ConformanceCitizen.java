package org.propusk.federation.internal.conformance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.propusk.account.AcceptedPassword;
import org.propusk.account.Accounts;
import org.propusk.account.Contact;
import org.propusk.account.ContactAlreadyRegistered;
import org.propusk.account.NewAccount;
import org.propusk.account.PasswordPolicy;
import org.propusk.identifiers.MobilePhone;
import org.propusk.verification.IdentityProfiles;
import org.propusk.verification.ProfileForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The citizen whom the OpenID conformance suite's browser signs in as ({@code
 * scripts/conformance.sh}): an account opened at start, as a completed registration would open it,
 * with the phone and password of {@code propusk.conformance.citizen}, and "Мои данные" of {@code
 * propusk.conformance.citizen.profile} (a fictional citizen of the sandbox registries, which verify
 * SNILS and passport at once), so that the profile scope's claims are a verified citizen's as a
 * relying party would see them. Only in the {@code
 * conformance} profile, which also needs {@code dev}: no real deployment gets an account that
 * nobody registered.
 */
@Component
@Profile("conformance & dev")
class ConformanceCitizen implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ConformanceCitizen.class);

  private final Accounts accounts;
  private final IdentityProfiles profiles;
  private final Clock clock;
  private final MobilePhone phone;
  private final String password;
  private final String termsVersion;
  private final String privacyVersion;
  private final ProfileForm profile;

  ConformanceCitizen(
      Accounts accounts,
      IdentityProfiles profiles,
      Environment environment,
      Clock clock,
      @Value("${propusk.conformance.citizen.phone}") String phone,
      @Value("${propusk.conformance.citizen.password}") String password,
      @Value("${propusk.legal.terms-version}") String termsVersion,
      @Value("${propusk.legal.privacy-version}") String privacyVersion) {
    this.accounts = accounts;
    this.profiles = profiles;
    this.profile = 
        Binder.get(environment)
            .bind("propusk.conformance.citizen.profile", ProfileForm.class)
            .orElseThrow(() -> new IllegalStateException("propusk.conformance.citizen.profile is not set"));
    this.clock = clock;
    this.phone = new MobilePhone(phone);
    this.password = password;
    this.termsVersion = termsVersion;
    this.privacyVersion = privacyVersion;
  }

  @Override
  public void run(ApplicationArguments args) {
    Contact contact = new Contact.Phone(phone);
    if (accounts.isRegistered(contact)) {
      return;
    }
    Instant now = clock.instant();
    AcceptedPassword accepted =
        accounts.acceptPassword(password, new PasswordPolicy.PersonalData(profile.lastName(), profile.firstName(), phone.e164(), null));
    UUID opened;
    try {
      opened =
          accounts.open(
              new NewAccount(
                  profile.lastName(),
                  profile.firstName(),
                  contact,
                  now,
                  accepted,
                  List.of(
                      new NewAccount.ConsentRecord("terms", termsVersion, now),
                      new NewAccount.ConsentRecord("privacy", privacyVersion, now)),
                  "127.0.0.1"));
      log.info("Opened the conformance suite's citizen {}", phone.masked());
    } catch (ContactAlreadyRegistered anotherNodeWasFirst) {
      return; // the same citizen, opened by a node that started at the same time
    }
    profiles.save(opened, profile, "127.0.0.1");
  }
}
