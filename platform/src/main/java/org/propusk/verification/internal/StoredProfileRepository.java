package org.propusk.verification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StoredProfileRepository {

  private final JdbcClient jdbc;

  StoredProfileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StoredProfile> find(UUID accountId) {
    return jdbc.sql("select * from identity_profile where account_id = :id")
        .param("id", accountId)
        .query(StoredProfileRepository::map)
        .optional();
  }

  /** Locks the account's profile row, if there is one, until the transaction ends. */
  void lock(UUID accountId) {
    jdbc.sql("select account_id from identity_profile where account_id = :id for update")
        .param("id", accountId)
        .query()
        .listOfRows();
  }

  /**
   * Inserts the profile, or replaces it (only the version it was read at, when {@code checked});
   * false when that version is gone (another save came first). A unique lookup taken by another
   * account, or a concurrent first save, throws a duplicate key.
   */
  boolean save(StoredProfile p, boolean exists, boolean checked, Instant now) {
    if (exists) {
      return bind(
                jdbc.sql(
                    """
                    update identity_profile set last_name = :lastName, first_name = :firstName,
                      patronymic = :patronymic, gender = :gender, birth_date = :birthDate,
                      birth_place = :birthPlace, citizenship = :citizenship, snils_sealed = :snilsSealed,
                      snils_lookup = :snilsLookup, passport_sealed = :passportSealed,
                      passport_lookup = :passportLookup, passport_issued_on = :passportIssuedOn,
                      passport_issuer = :passportIssuer, passport_division = :passportDivision,
                      foreign_doc_type = :foreignDocType, foreign_doc_sealed = :foreignDocSealed,
                      foreign_doc_country = :foreignDocCountry, updated_at = :now, version = version + 1
                    where account_id = :accountId and (:checked = false or version = :version)
                    """),
                p,
                now)
            .param("version", p.version())
            .param("checked", checked)
            .update()
          == 1;
    }
    bind(
            jdbc.sql(
                """
                insert into identity_profile (account_id, last_name, first_name, patronymic, gender,
                  birth_date, birth_place, citizenship, snils_sealed, snils_lookup, passport_sealed,
                  passport_lookup, passport_issued_on, passport_issuer, passport_division,
                  foreign_doc_type, foreign_doc_sealed, foreign_doc_country, updated_at, version)
                values (:accountId, :lastName, :firstName, :patronymic, :gender, :birthDate,
                  :birthPlace, :citizenship, :snilsSealed, :snilsLookup, :passportSealed,
                  :passportLookup, :passportIssuedOn, :passportIssuer, :passportDivision,
                  :foreignDocType, :foreignDocSealed, :foreignDocCountry, :now, 0)
                """),
            p,
            now)
        .update();
    return true;
  }

  Optional<UUID> findBySnilsLookup(String lookup) {
    return findBy("snils_lookup", lookup);
  }

  Optional<UUID> findByPassportLookup(String lookup) {
    return findBy("passport_lookup", lookup);
  }

  /** The account holding a document with this lookup hash (column names are fixed here). */
  private Optional<UUID> findBy(String column, String lookup) {
    return jdbc.sql("select account_id from identity_profile where " + column + " = :lookup")
        .param("lookup", lookup)
        .query(UUID.class)
        .optional();
  }

  /** Whether another account holds a document with this lookup hash (column names are fixed here). */
  boolean snilsHeldByAnother(UUID accountId, String lookup) {
    return heldByAnother("snils_lookup", accountId, lookup);
  }

  boolean passportHeldByAnother(UUID accountId, String lookup) {
    return heldByAnother("passport_lookup", accountId, lookup);
  }

  private boolean heldByAnother(String column, UUID accountId, String lookup) {
    return lookup != null
        && jdbc.sql("select count(*) from identity_profile where " + column + " = :lookup and account_id <> :id")
                .param("lookup", lookup)
                .param("id", accountId)
                .query(Integer.class)
                .single()
            > 0;
  }

  /** Deletes the profile, which frees its SNILS and passport for another account. */
  void delete(UUID accountId) {
    jdbc.sql("delete from identity_profile where account_id = :id").param("id", accountId).update();
  }

  /** Clears a failed SNILS alone, so that a concurrent save or check of the rest is not undone. */
  void clearSnils(UUID accountId, Instant now) {
    jdbc.sql(
            """
            update identity_profile set snils_sealed = null, snils_lookup = null, updated_at = :now,
              version = version + 1
            where account_id = :id
            """)
        .param("id", accountId)
        .param("now", DbTime.of(now))
        .update();
  }

  /** Clears a failed passport alone. */
  void clearPassport(UUID accountId, Instant now) {
    jdbc.sql(
            """
            update identity_profile set passport_sealed = null, passport_lookup = null,
              passport_issued_on = null, passport_issuer = null, passport_division = null,
              updated_at = :now, version = version + 1
            where account_id = :id
            """)
        .param("id", accountId)
        .param("now", DbTime.of(now))
        .update();
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, StoredProfile p, Instant now) {
    return sql.param("accountId", p.accountId())
        .param("lastName", p.lastName())
        .param("firstName", p.firstName())
        .param("patronymic", p.patronymic())
        .param("gender", p.gender())
        .param("birthDate", p.birthDate())
        .param("birthPlace", p.birthPlace())
        .param("citizenship", p.citizenship())
        .param("snilsSealed", p.snilsSealed())
        .param("snilsLookup", p.snilsLookup())
        .param("passportSealed", p.passportSealed())
        .param("passportLookup", p.passportLookup())
        .param("passportIssuedOn", p.passportIssuedOn())
        .param("passportIssuer", p.passportIssuer())
        .param("passportDivision", p.passportDivision())
        .param("foreignDocType", p.foreignDocType())
        .param("foreignDocSealed", p.foreignDocSealed())
        .param("foreignDocCountry", p.foreignDocCountry())
        .param("now", DbTime.of(now));
  }

  private static StoredProfile map(ResultSet rs, int row) throws SQLException {
    return new StoredProfile(
        rs.getObject("account_id", UUID.class),
        rs.getString("last_name"),
        rs.getString("first_name"),
        rs.getString("patronymic"),
        rs.getString("gender"),
        rs.getObject("birth_date", LocalDate.class),
        rs.getString("birth_place"),
        rs.getString("citizenship"),
        rs.getString("snils_sealed"),
        rs.getString("snils_lookup"),
        rs.getString("passport_sealed"),
        rs.getString("passport_lookup"),
        rs.getObject("passport_issued_on", LocalDate.class),
        rs.getString("passport_issuer"),
        rs.getString("passport_division"),
        rs.getString("foreign_doc_type"),
        rs.getString("foreign_doc_sealed"),
        rs.getString("foreign_doc_country"),
        rs.getLong("version"));
  }
}
