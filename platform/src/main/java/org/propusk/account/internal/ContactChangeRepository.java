package org.propusk.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

  void insert(ContactChangeFlow f) {
    bind(
            jdbc.sql(
                """
                insert into contact_change_flow (id, account_id, channel, contact, state, locale, code_hash,
                  code_expires_at, code_wrong_entries, total_wrong_entries, codes_sent, last_code_sent_at,
                  created_at, expires_at, version)
                values (:id, :accountId, :channel, :contact, :state, :locale, :codeHash, :codeExpiresAt,
                  :codeWrongEntries, :totalWrongEntries, :codesSent, :lastCodeSentAt, :createdAt, :expiresAt, 0)
                """),
            f)
        .update();
  }

  void update(ContactChangeFlow f) {
    int rows =
        bind(
                jdbc.sql(
                    """
                    update contact_change_flow set state = :state, code_hash = :codeHash,
                      code_expires_at = :codeExpiresAt, code_wrong_entries = :codeWrongEntries,
                      total_wrong_entries = :totalWrongEntries, codes_sent = :codesSent,
                      last_code_sent_at = :lastCodeSentAt, version = version + 1
                    where id = :id and version = :version
                    """),
                f)
            .param("version", f.version())
            .update();
    if (rows != 1) {
      throw new AccountProblems.ConcurrentChange();
    }
  }

  int deleteFinished(Instant now) {
    return jdbc.sql("delete from contact_change_flow where expires_at <= :now or state = 'COMPLETED'")
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
        .param("expiresAt", DbTime.of(f.expiresAt()));
  }

  private static ContactChangeFlow map(ResultSet rs, int row) throws SQLException {
    return new ContactChangeFlow(
        rs.getObject("id", UUID.class),
        rs.getObject("account_id", UUID.class),
        ContactChangeFlow.Channel.valueOf(rs.getString("channel")),
        rs.getString("contact"),
        ContactChangeFlow.State.valueOf(rs.getString("state")),
        rs.getString("locale"),
        ConfirmationCodeColumns.read(rs),
        DbTime.read(rs, "created_at"),
        DbTime.read(rs, "expires_at"),
        rs.getLong("version"));
  }
}
