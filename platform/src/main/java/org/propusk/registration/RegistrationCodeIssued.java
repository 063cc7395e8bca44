package org.propusk.registration;

import java.time.Instant;
import java.util.UUID;
import org.propusk.shared.SealedSecret;

/**
 * Domain event: a confirmation code (and, for e-mail, a link) must reach the contact. Stored in the
 * event publication registry in the registration's transaction, so that it is never lost, and
 * removed once delivered. The code and the link travel sealed: only the notification module opens
 * them, just before sending.
 *
 * @param channel {@code sms} or {@code email}
 * @param link the one-time link for e-mail, null for SMS
 * @param locale the language the citizen registers in, e.g. {@code ru}
 */
public record RegistrationCodeIssued(
    UUID flowId,
    String channel,
    String recipient,
    SealedSecret code,
    SealedSecret link,
    Instant codeExpiresAt,
    String locale) {

  @Override
  public String toString() {
    // never print the code or the link
    return "RegistrationCodeIssued[flowId=" + flowId + ", channel=" + channel + "]";
  }
}
