package org.propusk.confirmation.internal.post;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of post_letter. Every move is a conditional update, so that two requests never both make it. */
@Repository
class PostLetterRepository {

  private final JdbcClient jdbc;

  PostLetterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(PostLetter letter) {
    jdbc.sql(
            """
            insert into post_letter (id, account_id, recipient, address_lines, state, entries, requested_at)
            values (:id, :accountId, :recipient, :addressLines, :state, 0, :requestedAt)
            """)
        .param("id", letter.id)
        .param("accountId", letter.accountId)
        .param("recipient", letter.recipient)
        .param("addressLines", letter.addressLines)
        .param("state", letter.state.name())
        .param("requestedAt", DbTime.of(letter.requestedAt))
        .update();
  }

  Optional<PostLetter> find(UUID id) {
    return jdbc.sql("select * from post_letter where id = :id").param("id", id).query(PostLetterRepository::map).optional();
  }

  /** The account's letters, newest first. */
  List<PostLetter> ofAccount(UUID accountId) {
    return jdbc.sql("select * from post_letter where account_id = :id order by requested_at desc")
        .param("id", accountId)
        .query(PostLetterRepository::map)
        .list();
  }

  /** Letters waiting for a batch, oldest first. */
  List<PostLetter> queued() {
    return jdbc.sql("select * from post_letter where state = 'QUEUED' order by requested_at")
        .query(PostLetterRepository::map)
        .list();
  }

  /** Printed letters not yet handed to the postal service, oldest first. */
  List<PostLetter> printed() {
    return jdbc.sql("select * from post_letter where state = 'PRINTED' order by printed_at, requested_at")
        .query(PostLetterRepository::map)
        .list();
  }

  /** False when the letter was printed meanwhile (another administrator's batch). */
  boolean markPrinted(UUID id, String codeHash, Instant now, Instant expiresAt) {
    return jdbc.sql(
                """
                update post_letter set state = 'PRINTED', code_hash = :hash, printed_at = :now,
                  expires_at = :expiresAt
                where id = :id and state = 'QUEUED'
                """)
            .param("id", id)
            .param("hash", codeHash)
            .param("now", DbTime.of(now))
            .param("expiresAt", DbTime.of(expiresAt))
            .update()
        == 1;
  }

  int markSent(List<UUID> ids, Instant now) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql("update post_letter set state = 'SENT', sent_at = :now where state = 'PRINTED' and id in (:ids)")
        .param("now", DbTime.of(now))
        .param("ids", ids)
        .update();
  }

  /**
   * Counts one entry of a code, before it is checked: false when the letter has had its {@link
   * PostLetter#MAX_ENTRIES} (the row's lock admits parallel entries one after another).
   */
  boolean countEntry(UUID id) {
    return jdbc.sql(
                """
                update post_letter set entries = entries + 1
                where id = :id and entries < :max and state in ('PRINTED', 'SENT')
                """)
            .param("id", id)
            .param("max", PostLetter.MAX_ENTRIES)
            .update()
        == 1;
  }

  /** False when the letter was used (or expired) meanwhile. */
  boolean markUsed(UUID id, Instant now) {
    return jdbc.sql(
                """
                update post_letter set state = 'USED', used_at = :now
                where id = :id and state in ('PRINTED', 'SENT') and expires_at > :now
                """)
            .param("id", id)
            .param("now", DbTime.of(now))
            .update()
        == 1;
  }

  void markExpired(UUID id, Instant now) {
    jdbc.sql("update post_letter set state = 'EXPIRED' where id = :id and state in ('PRINTED', 'SENT') and expires_at <= :now")
        .param("id", id)
        .param("now", DbTime.of(now))
        .update();
  }

  void removeAll(UUID accountId) {
    jdbc.sql("delete from post_letter where account_id = :id").param("id", accountId).update();
  }

  private static PostLetter map(ResultSet rs, int row) throws SQLException {
    return new PostLetter(
        rs.getObject("id", UUID.class),
        rs.getObject("account_id", UUID.class),
        rs.getString("recipient"),
        rs.getString("address_lines"),
        PostLetterState.valueOf(rs.getString("state")),
        rs.getString("code_hash"),
        rs.getInt("entries"),
        DbTime.read(rs, "requested_at"),
        DbTime.read(rs, "printed_at"),
        DbTime.read(rs, "expires_at"));
  }
}
