package org.propusk.confirmation.internal.signature;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persists challenges; updates are optimistic, so that two signatures cannot share an attempt. */
@Repository
class SignatureChallengeRepository {

  private final JdbcClient jdbc;

  SignatureChallengeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<SignatureChallenge> find(UUID id) {
    return jdbc.sql("select * from signature_challenge where id = :id")
        .param("id", id)
        .query(SignatureChallengeRepository::map)
        .optional();
  }

  /** The account's newest challenge, if any. */
  Optional<SignatureChallenge> latest(UUID accountId) {
    return jdbc.sql(
            "select * from signature_challenge where account_id = :account order by created_at desc, id limit 1")
        .param("account", accountId)
        .query(SignatureChallengeRepository::map)
        .optional();
  }

  void insert(SignatureChallenge c) {
    jdbc.sql(
            """
            insert into signature_challenge (id, account_id, challenge, state, attempts, created_at, expires_at, version)
            values (:id, :account, :challenge, :state, :attempts, :createdAt, :expiresAt, 0)
            """)
        .param("id", c.id())
        .param("account", c.accountId())
        .param("challenge", c.text())
        .param("state", c.state().name())
        .param("attempts", c.attempts())
        .param("createdAt", DbTime.of(c.createdAt()))
        .param("expiresAt", DbTime.of(c.expiresAt()))
        .update();
  }

  void update(SignatureChallenge c) {
    int rows =
        jdbc.sql(
                """
                update signature_challenge set state = :state, attempts = :attempts, version = version + 1
                where id = :id and version = :version
                """)
            .param("id", c.id())
            .param("state", c.state().name())
            .param("attempts", c.attempts())
            .param("version", c.version())
            .update();
    if (rows != 1) {
      throw new SignatureProblems.ConcurrentChange();
    }
  }

  void deleteOf(UUID accountId) {
    jdbc.sql("delete from signature_challenge where account_id = :account").param("account", accountId).update();
  }

  int deleteExpired(Instant now) {
    return jdbc.sql("delete from signature_challenge where expires_at <= :now")
        .param("now", DbTime.of(now))
        .update();
  }

  private static SignatureChallenge map(ResultSet rs, int row) throws SQLException {
    return new SignatureChallenge(
        rs.getObject("id", UUID.class),
        rs.getObject("account_id", UUID.class),
        rs.getString("challenge"),
        ChallengeState.valueOf(rs.getString("state")),
        rs.getInt("attempts"),
        DbTime.read(rs, "created_at"),
        DbTime.read(rs, "expires_at"),
        rs.getLong("version"));
  }
}
