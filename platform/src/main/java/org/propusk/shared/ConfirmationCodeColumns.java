package org.propusk.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How every flow table stores its {@link ConfirmationCode}: the same six columns ({@code
 * code_hash, code_expires_at, code_wrong_entries, total_wrong_entries, codes_sent,
 * last_code_sent_at}) bound to the same parameter names.
 */
public final class ConfirmationCodeColumns {

  private ConfirmationCodeColumns() {}

  public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, ConfirmationCode code) {
    return sql.param("codeHash", code.hash())
        .param("codeExpiresAt", DbTime.of(code.expiresAt()))
        .param("codeWrongEntries", code.wrongEntries())
        .param("totalWrongEntries", code.totalWrongEntries())
        .param("codesSent", code.sent())
        .param("lastCodeSentAt", DbTime.of(code.lastSentAt()));
  }

  public static ConfirmationCode read(ResultSet rs) throws SQLException {
    return new ConfirmationCode(
        rs.getString("code_hash"),
        DbTime.read(rs, "code_expires_at"),
        rs.getInt("code_wrong_entries"),
        rs.getInt("total_wrong_entries"),
        rs.getInt("codes_sent"),
        DbTime.read(rs, "last_code_sent_at"));
  }
}
