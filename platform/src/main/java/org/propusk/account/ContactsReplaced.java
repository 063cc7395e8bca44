package org.propusk.account;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: a service centre replaced every contact of the account with one proven there. The
 * old phone and e-mail (null when there was none) are told, in case it was not their owner's wish.
 *
 * @param channel of the new contact, {@code sms} or {@code email}
 */
public record ContactsReplaced(
    UUID accountId, String channel, String previousPhone, String previousEmail, Occurrence occurrence) {

  @Override
  public String toString() {
    return "ContactsReplaced[accountId=" + accountId + ", channel=" + channel + "]";
  }
}
