package org.propusk.recovery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.ConfirmationCodeColumns;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persists recovery flows; updates are optimistic so that two requests cannot share an attempt. */
@Repository
class RecoveryFlowRepository {

  private final JdbcClient jdbc;

  RecoveryFlowRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<RecoveryFlow> find(UUID id) {
    return jdbc.sql("select * from recovery_flow where id = :id")
        .param("id", id)
        .query(RecoveryFlowRepository::map)
        .optional();
  }

  void insert(RecoveryFlow flow) {
    statement(
            """
            insert into recovery_flow (id, state, account_id, channel, contact, locale, code_hash,
              code_expires_at, code_wrong_entries, total_wrong_entries, codes_sent, last_code_sent_at,
              created_at, expires_at, version, second_proof)
            values (:id, :state, :accountId, :channel, :contact, :locale, :codeHash,
              :codeExpiresAt, :codeWrongEntries, :totalWrongEntries, :codesSent, :lastCodeSentAt,
              :createdAt, :expiresAt, 0, :secondProof)
            """,
            flow)
        .update();
  }

  void update(RecoveryFlow flow) {
    int rows =
        statement(
                """
                update recovery_flow set state = :state, code_hash = :codeHash,
                  code_expires_at = :codeExpiresAt, code_wrong_entries = :codeWrongEntries,
                  total_wrong_entries = :totalWrongEntries, codes_sent = :codesSent,
                  last_code_sent_at = :lastCodeSentAt, expires_at = :expiresAt, second_proof = :secondProof,
                  version = version + 1
                where id = :id and version = :version
                """,
                flow)
            .param("version", flow.version())
            .update();
    if (rows != 1) {
      throw new RecoveryProblems.ConcurrentChange();
    }
  }

  /**
   * Deletes the flows of a deleted account, and those begun before its deletion for one of its
   * contacts by someone who typed it (they hold the contact though they found no account).
   */
  void deleteOf(UUID accountId, List<String> contacts, Instant deletedAt) {
    jdbc.sql("delete from recovery_flow where account_id = :id").param("id", accountId).update();
    if (!contacts.isEmpty()) {
      jdbc.sql("delete from recovery_flow where lower(contact) in (:contacts) and created_at <= :at")
          .param("contacts", contacts.stream().map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList())
          .param("at", DbTime.of(deletedAt))
          .update();
    }
  }

  /** Deletes the account's flows begun before that instant. */
  void deleteBegunBefore(UUID accountId, Instant before) {
    jdbc.sql("delete from recovery_flow where account_id = :id and created_at < :before")
        .param("id", accountId)
        .param("before", DbTime.of(before))
        .update();
  }

  int deleteFinished(Instant now) {
    return jdbc.sql("delete from recovery_flow where expires_at <= :now or state = 'COMPLETED'")
        .param("now", DbTime.of(now))
        .update();
  }

  private JdbcClient.StatementSpec statement(String sql, RecoveryFlow f) {
    return ConfirmationCodeColumns.bind(jdbc.sql(sql), f.code())
        .param("id", f.id())
        .param("state", f.state().name())
        .param("accountId", f.accountId())
        .param("channel", f.channel().name())
        .param("contact", f.contact())
        .param("locale", f.locale())
        .param("createdAt", DbTime.of(f.createdAt()))
        .param("expiresAt", DbTime.of(f.expiresAt()))
        .param("secondProof", f.secondProof() == null ? null : f.secondProof().name());
  }

  private static RecoveryFlow map(ResultSet rs, int row) throws SQLException {
    return new RecoveryFlow(
        rs.getObject("id", UUID.class),
        RecoveryState.valueOf(rs.getString("state")),
        rs.getObject("account_id", UUID.class),
        RecoveryFlow.Channel.valueOf(rs.getString("channel")),
        rs.getString("contact"),
        rs.getString("locale"),
        ConfirmationCodeColumns.read(rs),
        rs.getString("second_proof") == null ? null : AuthenticationMethod.valueOf(rs.getString("second_proof")),
        DbTime.read(rs, "created_at"),
        DbTime.read(rs, "expires_at"),
        rs.getLong("version"));
  }
}
