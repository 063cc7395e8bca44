package org.propusk.account;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: the account's phone or e-mail is now another one. {@code previous} (null when the
 * contact was added) is told, so that a stranger's change does not go unnoticed.
 *
 * @param channel {@code sms} or {@code email}
 */
public record ContactChanged(UUID accountId, String channel, String previous, Occurrence occurrence) {

  @Override
  public String toString() {
    return "ContactChanged[accountId=" + accountId + ", channel=" + channel + "]";
  }
}
