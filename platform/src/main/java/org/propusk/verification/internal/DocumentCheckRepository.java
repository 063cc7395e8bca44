package org.propusk.verification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.propusk.shared.DbTime;
import org.propusk.verification.CheckReason;
import org.propusk.verification.CheckState;
import org.propusk.verification.Document;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DocumentCheckRepository {

  private final JdbcClient jdbc;

  DocumentCheckRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<DocumentCheck> find(UUID id) {
    return jdbc.sql("select * from document_check where id = :id")
        .param("id", id)
        .query(DocumentCheckRepository::map)
        .optional();
  }

  List<DocumentCheck> ofAccount(UUID accountId) {
    return jdbc.sql("select * from document_check where account_id = :accountId")
        .param("accountId", accountId)
        .query(DocumentCheckRepository::map)
        .list();
  }

  /** Replaces the account's check of this document with a new one. */
  void replace(DocumentCheck check) {
    jdbc.sql("delete from document_check where account_id = :accountId and document = :document")
        .param("accountId", check.accountId())
        .param("document", check.document().name())
        .update();
    jdbc.sql(
            """
            insert into document_check (id, account_id, document, state, reason, attempts, started_at,
              last_attempt_at, completed_at, version)
            values (:id, :accountId, :document, :state, :reason, :attempts, :startedAt,
              :lastAttemptAt, :completedAt, 0)
            """)
        .param("id", check.id())
        .param("accountId", check.accountId())
        .param("document", check.document().name())
        .param("state", check.state().name())
        .param("reason", check.reason() == null ? null : check.reason().name())
        .param("attempts", check.attempts())
        .param("startedAt", DbTime.of(check.startedAt()))
        .param("lastAttemptAt", DbTime.of(check.lastAttemptAt()))
        .param("completedAt", DbTime.of(check.completedAt()))
        .update();
  }

  void remove(UUID accountId, Document document) {
    jdbc.sql("delete from document_check where account_id = :accountId and document = :document")
        .param("accountId", accountId)
        .param("document", document.name())
        .update();
  }

  void removeAll(UUID accountId) {
    jdbc.sql("delete from document_check where account_id = :accountId").param("accountId", accountId).update();
  }

  /** Saves an outcome unless the check was replaced or changed meanwhile. */
  boolean update(DocumentCheck check) {
    return jdbc.sql(
                """
                update document_check set state = :state, reason = :reason, attempts = :attempts,
                  last_attempt_at = :lastAttemptAt, completed_at = :completedAt, version = version + 1
                where id = :id and version = :version
                """)
            .param("id", check.id())
            .param("version", check.version())
            .param("state", check.state().name())
            .param("reason", check.reason() == null ? null : check.reason().name())
            .param("attempts", check.attempts())
            .param("lastAttemptAt", DbTime.of(check.lastAttemptAt()))
            .param("completedAt", DbTime.of(check.completedAt()))
            .update()
        == 1;
  }

  private static DocumentCheck map(ResultSet rs, int row) throws SQLException {
    String reason = rs.getString("reason");
    return new DocumentCheck(
        rs.getObject("id", UUID.class),
        rs.getObject("account_id", UUID.class),
        Document.valueOf(rs.getString("document")),
        CheckState.valueOf(rs.getString("state")),
        reason == null ? null : CheckReason.valueOf(reason),
        rs.getInt("attempts"),
        DbTime.read(rs, "started_at"),
        DbTime.read(rs, "last_attempt_at"),
        DbTime.read(rs, "completed_at"),
        rs.getLong("version"));
  }
}
