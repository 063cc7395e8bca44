package org.propusk.registration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.propusk.shared.ConfirmationCodeColumns;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persists flows; updates are optimistic so that two requests cannot both spend one attempt. */
@Repository
class RegistrationFlowRepository {

  private final JdbcClient jdbc;

  RegistrationFlowRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<RegistrationFlow> find(UUID id) {
    return jdbc.sql("select * from registration_flow where id = :id")
        .param("id", id)
        .query(RegistrationFlowRepository::map)
        .optional();
  }

  Optional<RegistrationFlow> findByLinkTokenHash(String hash) {
    return jdbc.sql("select * from registration_flow where link_token_hash = :hash")
        .param("hash", hash)
        .query(RegistrationFlowRepository::map)
        .optional();
  }

  void insert(RegistrationFlow flow) {
    statement(
            """
            insert into registration_flow (id, state, channel, contact, last_name, first_name, locale,
              terms_version, privacy_version, consented_at, client_address, code_hash, code_expires_at,
              code_wrong_entries, total_wrong_entries, codes_sent, last_code_sent_at, link_token_hash,
              link_expires_at, contact_confirmed_at, created_at, expires_at, version)
            values (:id, :state, :channel, :contact, :lastName, :firstName, :locale,
              :termsVersion, :privacyVersion, :consentedAt, :clientAddress, :codeHash, :codeExpiresAt,
              :codeWrongEntries, :totalWrongEntries, :codesSent, :lastCodeSentAt, :linkTokenHash,
              :linkExpiresAt, :contactConfirmedAt, :createdAt, :expiresAt, 0)
            """,
            flow)
        .update();
  }

  /** Saves the flow's changes unless another request saved first. */
  void update(RegistrationFlow flow) {
    int rows =
        statement(
                """
                update registration_flow set state = :state, code_hash = :codeHash,
                  code_expires_at = :codeExpiresAt, code_wrong_entries = :codeWrongEntries,
                  total_wrong_entries = :totalWrongEntries, codes_sent = :codesSent,
                  last_code_sent_at = :lastCodeSentAt, link_token_hash = :linkTokenHash,
                  link_expires_at = :linkExpiresAt, contact_confirmed_at = :contactConfirmedAt,
                  expires_at = :expiresAt, version = version + 1
                where id = :id and version = :version
                """,
                flow)
            .param("version", flow.version())
            .update();
    if (rows != 1) {
      throw new RegistrationProblems.ConcurrentChange();
    }
  }

  /**
   * Deletes the flows for these contacts begun before an account of theirs was deleted: the one
   * that opened it (kept completed until the clean-up) and any other, which could not finish.
   */
  void deleteFor(List<String> contacts, Instant before) {
    if (!contacts.isEmpty()) {
      jdbc.sql("delete from registration_flow where lower(contact) in (:contacts) and created_at <= :at")
          .param("contacts", contacts.stream().map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList())
          .param("at", DbTime.of(before))
          .update();
    }
  }

  /** Removes flows past their expiry and completed ones; returns how many. */
  int deleteFinished(Instant now) {
    return jdbc.sql("delete from registration_flow where expires_at <= :now or state = 'COMPLETED'")
        .param("now", DbTime.of(now))
        .update();
  }

  private JdbcClient.StatementSpec statement(String sql, RegistrationFlow f) {
    return ConfirmationCodeColumns.bind(jdbc.sql(sql), f.code())
        .param("id", f.id())
        .param("state", f.state().name())
        .param("channel", f.channel().name())
        .param("contact", f.contact())
        .param("lastName", f.lastName())
        .param("firstName", f.firstName())
        .param("locale", f.locale())
        .param("termsVersion", f.termsVersion())
        .param("privacyVersion", f.privacyVersion())
        .param("consentedAt", DbTime.of(f.consentedAt()))
        .param("clientAddress", f.clientAddress())
        .param("linkTokenHash", f.linkTokenHash())
        .param("linkExpiresAt", DbTime.of(f.linkExpiresAt()))
        .param("contactConfirmedAt", DbTime.of(f.contactConfirmedAt()))
        .param("createdAt", DbTime.of(f.createdAt()))
        .param("expiresAt", DbTime.of(f.expiresAt()));
  }

  private static RegistrationFlow map(ResultSet rs, int row) throws SQLException {
    return new RegistrationFlow(
        rs.getObject("id", UUID.class),
        RegistrationState.valueOf(rs.getString("state")),
        RegistrationFlow.Channel.valueOf(rs.getString("channel")),
        rs.getString("contact"),
        rs.getString("last_name"),
        rs.getString("first_name"),
        rs.getString("locale"),
        rs.getString("terms_version"),
        rs.getString("privacy_version"),
        DbTime.read(rs, "consented_at"),
        rs.getString("client_address"),
        ConfirmationCodeColumns.read(rs),
        rs.getString("link_token_hash"),
        DbTime.read(rs, "link_expires_at"),
        DbTime.read(rs, "created_at"),
        DbTime.read(rs, "expires_at"),
        DbTime.read(rs, "contact_confirmed_at"),
        rs.getLong("version"));
  }
}
