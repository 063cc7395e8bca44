package org.propusk.account.internal;

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

@Repository
class ContactChangeRepository {

  private final JdbcClient jdbc;

  ContactChangeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ContactChangeFlow> find(UUID id) {
    return jdbc.sql("select * from contact_change_flow where id = :id")
        .param("id", id)
        .query(ContactChangeRepository::map)
        .optional();
  }

  /** The account's change waiting out its cooling-off period, if any. */
  Optional<ContactChangeFlow> findPending(UUID accountId) {
    return jdbc.sql("select * from contact_change_flow where account_id = :account and state = 'PENDING'")
        .param("account", accountId)
        .query(ContactChangeRepository::map)
        .optional();
  }

  Optional<ContactChangeFlow> findByCancelTokenHash(String hash) {
    return jdbc.sql("select * from contact_change_flow where cancel_token_hash = :hash")
        .param("hash", hash)
        .query(ContactChangeRepository::map)
        .optional();
  }

  /** Pending changes whose cooling-off period is over, oldest first. */
  List<UUID> findDue(Instant now, int max) {
    return jdbc.sql(
            """
            select id from contact_change_flow where state = 'PENDING' and effective_at <= :now
            order by effective_at limit :max
            """)
        .param("now", DbTime.of(now))
        .param("max", max)
        .query(UUID.class)
        .list();
  }

  void insert(ContactChangeFlow f) {
    bind(
            jdbc.sql(
                """
                insert into contact_change_flow (id, account_id, channel, contact, state, locale, code_hash,
                  code_expires_at, code_wrong_entries, total_wrong_entries, codes_sent, last_code_sent_at,
                  created_at, expires_at, effective_at, cancel_token_hash, version)
                values (:id, :accountId, :channel, :contact, :state, :locale, :codeHash, :codeExpiresAt,
                  :codeWrongEntries, :totalWrongEntries, :codesSent, :lastCodeSentAt, :createdAt, :expiresAt,
                  :effectiveAt, :cancelTokenHash, 0)
                """),
            f)
        .update();
  }

  /** Saves the flow if nobody changed it since it was read (a retry, another node, another tab). */
  void update(ContactChangeFlow f) {
    int rows =
        bind(
                jdbc.sql(
                    """
                    update contact_change_flow set state = :state, code_hash = :codeHash,
                      code_expires_at = :codeExpiresAt, code_wrong_entries = :codeWrongEntries,
                      total_wrong_entries = :totalWrongEntries, codes_sent = :codesSent,
                      last_code_sent_at = :lastCodeSentAt, effective_at = :effectiveAt,
                      cancel_token_hash = :cancelTokenHash, version = version + 1
                    where id = :id and version = :version
                    """),
                f)
            .param("version", f.version())
            .update();
    if (rows != 1) {
      throw new AccountProblems.ConcurrentChange();
    }
  }

  /** Applied and cancelled changes, and those whose code was not entered in time; never a pending one. */
  int deleteFinished(Instant now) {
    return jdbc.sql(
            """
            delete from contact_change_flow
            where state in ('APPLIED', 'CANCELLED') or (state = 'CODE_SENT' and expires_at <= :now)
            """)
        .param("now", DbTime.of(now))
        .update();
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, ContactChangeFlow f) {
    return ConfirmationCodeColumns.bind(sql, f.code())
        .param("id", f.id())
        .param("accountId", f.accountId())
        .param("channel", f.channel().name())
        .param("contact", f.contact())
        .param("state", f.state().name())
        .param("locale", f.locale())
        .param("createdAt", DbTime.of(f.createdAt()))
        .param("expiresAt", DbTime.of(f.expiresAt()))
        .param("effectiveAt", DbTime.of(f.effectiveAt()))
        .param("cancelTokenHash", f.cancelTokenHash());
  }

  private static ContactChangeFlow map(ResultSet rs, int row) throws SQLException {
    return new ContactChangeFlow(
        rs.getObject("id", UUID.class),
        rs.getObject("account_id", UUID.class),
        ContactChangeFlow.Channel.valueOf(rs.getString("channel")),
        rs.getString("contact"),
        ContactChangeState.valueOf(rs.getString("state")),
        rs.getString("locale"),
        ConfirmationCodeColumns.read(rs),
        DbTime.read(rs, "created_at"),
        DbTime.read(rs, "expires_at"),
        DbTime.read(rs, "effective_at"),
        rs.getString("cancel_token_hash"),
        rs.getLong("version"));
  }
}
