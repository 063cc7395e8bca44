package org.propusk.account;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.propusk.shared.Occurrence;
import org.propusk.shared.OneTimeSecrets;
import org.propusk.shared.SealedSecret;

/**
 * Domain event: the citizen deleted the account. The account's own data (names, contacts, password
 * hash, SNILS login, consents, contact changes) is gone in the transaction that publishes this;
 * every module that keeps personal data of the account removes its own on hearing it.
 *
 * <p>The contacts the account had travel sealed ({@link org.propusk.shared.OneTimeSecrets#seal}):
 * the owner is told of the deletion there, and modules that keep data by contact rather than by
 * account (messages sent, flows begun with it) find it with them. So the outbox holds them only
 * encrypted, and only until every listener is done (completed publications are deleted).
 *
 * @param phone the account's confirmed phone (E.164), sealed; null when it had none
 * @param email the account's confirmed e-mail, sealed; null when it had none
 * @param locale the language of the request that deleted it, for the notice
 */
public record AccountDeleted(
    UUID accountId, SealedSecret phone, SealedSecret email, String locale, Occurrence occurrence) {

  /** The phone and the e-mail the account had, opened; for the listeners that need them. */
  public List<String> contacts(OneTimeSecrets secrets) {
    List<String> contacts = new ArrayList<>(2);
    if (phone != null) {
      contacts.add(secrets.open(phone));
    }
    if (email != null) {
      contacts.add(secrets.open(email));
    }
    return contacts;
  }

  @Override
  public String toString() {
    return "AccountDeleted[accountId=" + accountId + "]";
  }
}
