package org.propusk.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.propusk.account.Contact;
import org.propusk.account.IdentityProof;
import org.propusk.account.IdentityProofMethod;
import org.propusk.account.NewAccount;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

  private final JdbcClient jdbc;

  AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<AccountRecord> findById(UUID id) {
    return jdbc.sql("select * from account where id = :id")
        .param("id", id)
        .query(AccountRepository::map)
        .optional();
  }

  /** The row, locked until the transaction ends, so that what is read of it is what is deleted. */
  Optional<AccountRecord> lockById(UUID id) {
    return jdbc.sql("select * from account where id = :id for update")
        .param("id", id)
        .query(AccountRepository::map)
        .optional();
  }

  Optional<AccountRecord> findByContact(Contact contact) {
    String column =
        switch (contact) {
          case Contact.Phone p -> "phone";
          case Contact.Email e -> "email_key";
        };
    return jdbc.sql("select * from account where " + column + " = :key")
        .param("key", contact.key())
        .query(AccountRepository::map)
        .optional();
  }

  /** The account whose registry-verified SNILS has this keyed hash. */
  Optional<AccountRecord> findByVerifiedSnils(String lookup) {
    return jdbc.sql("select * from account where snils_lookup = :lookup and snils_verified_at is not null")
        .param("lookup", lookup)
        .query(AccountRepository::map)
        .optional();
  }

  void insert(AccountRecord a) {
    jdbc.sql(
            """
            insert into account (id, last_name, first_name, phone, phone_confirmed_at, email,
              email_key, email_confirmed_at, password_hash, announced_level, created_at, updated_at,
              version)
            values (:id, :lastName, :firstName, :phone, :phoneConfirmedAt, :email,
              :emailKey, :emailConfirmedAt, :passwordHash, :announcedLevel, :createdAt, :updatedAt,
              :version)
            """)
        .param("id", a.id())
        .param("lastName", a.lastName())
        .param("firstName", a.firstName())
        .param("phone", a.phone())
        .param("phoneConfirmedAt", DbTime.of(a.phoneConfirmedAt()))
        .param("email", a.email())
        .param("emailKey", a.emailKey())
        .param("emailConfirmedAt", DbTime.of(a.emailConfirmedAt()))
        .param("passwordHash", a.passwordHash())
        .param("announcedLevel", a.announcedLevel())
        .param("createdAt", DbTime.of(a.createdAt()))
        .param("updatedAt", DbTime.of(a.updatedAt()))
        .param("version", a.version())
        .update();
  }

  void insertConsent(UUID accountId, NewAccount.ConsentRecord consent, String clientAddress) {
    jdbc.sql(
            """
            insert into account_consent (id, account_id, document, version, accepted_at, client_address)
            values (:id, :accountId, :document, :version, :acceptedAt, :clientAddress)
            """)
        .param("id", UUID.randomUUID())
        .param("accountId", accountId)
        .param("document", consent.document())
        .param("version", consent.version())
        .param("acceptedAt", DbTime.of(consent.acceptedAt()))
        .param("clientAddress", clientAddress)
        .update();
  }

  /**
   * Sets the password hash and ends the sessions begun before now, only while the stored hash is still {@code checked} (null: whatever it is); false
   * when it is not, e.g. a recovery set another password meanwhile.
   */
  boolean changePassword(UUID id, String checked, String passwordHash, Instant now) {
    return jdbc.sql(
                """
                update account set password_hash = :hash, sessions_valid_from = :now, updated_at = :now,
                  version = version + 1
                where id = :id and (cast(:checked as varchar(255)) is null or password_hash = :checked)
                """)
            .param("id", id)
            .param("checked", checked)
            .param("hash", passwordHash)
            .param("now", DbTime.of(now))
            .update()
        == 1;
  }

  /** Ends every session of the account begun before now (as a password change does). */
  void endSessions(UUID id, Instant now) {
    jdbc.sql("update account set sessions_valid_from = :now, updated_at = :now where id = :id")
        .param("id", id)
        .param("now", DbTime.of(now))
        .update();
  }

  /** Sets or clears one evidence column; the level is derived from them. */
  void setEvidence(UUID id, String column, Instant at, Instant now) {
    jdbc.sql("update account set " + column + " = :at, updated_at = :now where id = :id")
        .param("id", id)
        .param("at", DbTime.of(at))
        .param("now", DbTime.of(now))
        .update();
  }

  /** Records the proof of identity (a later proof replaces an earlier one). */
  void setIdentityProof(UUID id, IdentityProof proof, Instant now) {
    jdbc.sql(
            """
            update account set identity_proven_at = :at, identity_proof_method = :method,
              identity_proof_source = :source, updated_at = :now
            where id = :id
            """)
        .param("id", id)
        .param("at", DbTime.of(proof.provenAt()))
        .param("method", proof.method().name())
        .param("source", proof.source())
        .param("now", DbTime.of(now))
        .update();
  }

  /** Puts a confirmed phone or e-mail in place of the old one; a contact taken meanwhile throws. */
  void changeContact(UUID id, Contact contact, Instant now) {
    String assignments =
        switch (contact) {
          case Contact.Phone p -> "phone = :value, phone_confirmed_at = :now";
          case Contact.Email e -> "email = :value, email_key = :key, email_confirmed_at = :now";
        };
    jdbc.sql("update account set " + assignments + ", updated_at = :now, version = version + 1 where id = :id")
        .param("id", id)
        .param("value", contact.value())
        .param("key", contact.key())
        .param("now", DbTime.of(now))
        .update();
  }

  /**
   * Makes this phone or e-mail the account's only contact, confirmed now, and ends every session; a
   * contact of another account throws.
   */
  void replaceContacts(UUID id, Contact contact, Instant now) {
    String assignments =
        switch (contact) {
          case Contact.Phone p ->
              "phone = :value, phone_confirmed_at = :now, email = null, email_key = null, email_confirmed_at = null";
          case Contact.Email e ->
              "email = :value, email_key = :key, email_confirmed_at = :now, phone = null, phone_confirmed_at = null";
        };
    jdbc.sql(
            "update account set " + assignments
                + ", sessions_valid_from = :now, updated_at = :now, version = version + 1 where id = :id")
        .param("id", id)
        .param("value", contact.value())
        .param("key", contact.key())
        .param("now", DbTime.of(now))
        .update();
  }

  /**
   * Makes the SNILS with this keyed hash a login of this account alone (null: of none). Profiles
   * never share a SNILS, so another holder can only be a stale link: the latest verification wins.
   */
  void linkSnils(UUID id, String lookup) {
    if (lookup != null) {
      jdbc.sql("update account set snils_lookup = null where snils_lookup = :lookup and id <> :id")
          .param("id", id)
          .param("lookup", lookup)
          .update();
    }
    jdbc.sql("update account set snils_lookup = :lookup where id = :id")
        .param("id", id)
        .param("lookup", lookup)
        .update();
  }

  void setAnnouncedLevel(UUID id, String level) {
    jdbc.sql("update account set announced_level = :level where id = :id")
        .param("id", id)
        .param("level", level)
        .update();
  }

  void rename(UUID id, String lastName, String firstName, Instant now) {
    jdbc.sql(
            "update account set last_name = :lastName, first_name = :firstName, updated_at = :now where id = :id")
        .param("id", id)
        .param("lastName", lastName)
        .param("firstName", firstName)
        .param("now", DbTime.of(now))
        .update();
  }

  /**
   * Deletes the account with everything the account module keeps of it: consents, contact changes
   * and roles first, then the row, which frees its phone, e-mail and SNILS login. Returns the
   * number of accounts deleted (0 when it was gone already).
   */
  int delete(UUID id) {
    jdbc.sql("delete from account_consent where account_id = :id").param("id", id).update();
    jdbc.sql("delete from account_role where account_id = :id").param("id", id).update();
    jdbc.sql("delete from contact_change_flow where account_id = :id").param("id", id).update();
    return jdbc.sql("delete from account where id = :id").param("id", id).update();
  }

  private static AccountRecord map(ResultSet rs, int row) throws SQLException {
    return new AccountRecord(
        rs.getObject("id", UUID.class),
        rs.getString("last_name"),
        rs.getString("first_name"),
        rs.getString("phone"),
        DbTime.read(rs, "phone_confirmed_at"),
        rs.getString("email"),
        rs.getString("email_key"),
        DbTime.read(rs, "email_confirmed_at"),
        rs.getString("password_hash"),
        DbTime.read(rs, "snils_verified_at"),
        DbTime.read(rs, "passport_verified_at"),
        identityProof(rs),
        rs.getString("announced_level"),
        DbTime.read(rs, "sessions_valid_from"),
        DbTime.read(rs, "created_at"),
        DbTime.read(rs, "updated_at"),
        rs.getLong("version"));
  }

  private static IdentityProof identityProof(ResultSet rs) throws SQLException {
    Instant at = DbTime.read(rs, "identity_proven_at");
    return at == null
        ? null
        : new IdentityProof(
            IdentityProofMethod.valueOf(rs.getString("identity_proof_method")), at, rs.getString("identity_proof_source"));
  }
}
