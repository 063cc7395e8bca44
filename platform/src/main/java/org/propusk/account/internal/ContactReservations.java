package org.propusk.account.internal;

import java.util.UUID;
import org.propusk.account.Contact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Contacts about to be used (table {@code contact_reservation}): the new contact of a pending
 * change, so that nobody else registers or claims it during the cooling-off period. The account's
 * own columns stay unique by themselves; this table's primary key settles races between a
 * reservation and a registration, because both write the key here before they commit and each
 * looks at the other's table only after that write (see {@link #claim}).
 */
@Repository
class ContactReservations {

  private final JdbcClient jdbc;

  ContactReservations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean isReserved(Contact contact) {
    return jdbc.sql("select count(*) from contact_reservation where contact_key = :key")
            .param("key", contact.key())
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Reserves the contact for a pending change of this account.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the contact is reserved or being
   *     registered, or the account already has a pending change
   */
  void reserve(Contact contact, UUID accountId, UUID flowId) {
    jdbc.sql("insert into contact_reservation (contact_key, account_id, flow_id) values (:key, :account, :flow)")
        .param("key", contact.key())
        .param("account", accountId)
        .param("flow", flowId)
        .update();
  }

  void release(UUID flowId) {
    jdbc.sql("delete from contact_reservation where flow_id = :flow").param("flow", flowId).update();
  }

  /**
   * A registration's claim on its contact within its own transaction: written and removed again,
   * it leaves nothing behind, but a reservation of the same contact committed meanwhile makes it
   * fail, and one being written waits for it (and then sees the new account).
   *
   * @throws org.springframework.dao.DuplicateKeyException when the contact is reserved
   */
  void claim(Contact contact, UUID accountId) {
    jdbc.sql("insert into contact_reservation (contact_key, account_id) values (:key, :account)")
        .param("key", contact.key())
        .param("account", accountId)
        .update();
    jdbc.sql("delete from contact_reservation where contact_key = :key and flow_id is null")
        .param("key", contact.key())
        .update();
  }
}
