package org.propusk.account;

import java.time.Instant;
import java.util.UUID;
import org.propusk.shared.Occurrence;
import org.propusk.shared.SealedSecret;

/**
 * Domain event: a new phone or e-mail was proven and takes effect at {@code effectiveAt}. The
 * account's present contacts (the old ones) must be told at once, with the link that cancels the
 * change ({@code /contact-change/cancel/<token>}, the token sealed).
 *
 * @param channel {@code sms} or {@code email}: which contact changes
 * @param maskedContact the new contact, masked
 */
public record ContactChangeScheduled(
    UUID accountId,
    String channel,
    String maskedContact,
    Instant effectiveAt,
    SealedSecret cancelToken,
    String locale,
    Occurrence occurrence) {

  @Override
  public String toString() {
    return "ContactChangeScheduled[accountId=" + accountId + ", channel=" + channel + ", effectiveAt=" + effectiveAt + "]";
  }
}
