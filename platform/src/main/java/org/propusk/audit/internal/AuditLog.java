package org.propusk.audit.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.propusk.audit.AuditEntry;
import org.propusk.audit.AuditKind;
import org.propusk.audit.AuditTrail;
import org.propusk.shared.DbTime;
import org.propusk.shared.Occurrence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends to and reads the audit table; there is no delete, and the only update drops the client
 * addresses of a deleted account's entries.
 */
@Component
class AuditLog implements AuditTrail {

  private final JdbcClient jdbc;

  AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the event at the time and from the address where it happened; for an account deleted
   * already (an event that reached the trail late) without the address.
   */
  void append(UUID accountId, AuditKind kind, String actor, Occurrence occurrence, String details) {
    insert(accountId, kind, actor, occurrence.at(), occurrence.clientAddress(), details);
  }

  /** Records the deletion of the account and drops the client addresses of all its entries. */
  void forget(UUID accountId, Instant deletedAt) {
    if (!isDeleted(accountId)) {
      insert(accountId, AuditKind.ACCOUNT_DELETED, "citizen", deletedAt, null, null);
    }
    jdbc.sql("update audit_event set client_address = null where account_id = :id and client_address is not null")
        .param("id", accountId)
        .update();
  }

  private boolean isDeleted(UUID accountId) {
    return jdbc.sql("select count(*) from audit_event where account_id = :id and kind = :kind")
            .param("id", accountId)
            .param("kind", AuditKind.ACCOUNT_DELETED.name())
            .query(Integer.class)
            .single()
        > 0;
  }

  /**
   * One statement for the check and the insert (every sign-in and token grant is audited): the
   * address is left out when the account's deletion is in the trail already.
   */
  private void insert(UUID accountId, AuditKind kind, String actor, Instant at, String clientAddress, String details) {
    jdbc.sql(
            """
            insert into audit_event (id, occurred_at, account_id, kind, actor, client_address, details)
            values (:id, :at, :accountId, :kind, :actor,
              case when exists (select 1 from audit_event deleted where deleted.account_id = :accountId and deleted.kind = :deletedKind)
                then null else :clientAddress end,
              :details)
            """)
        .param("id", UUID.randomUUID())
        .param("at", DbTime.of(at))
        .param("accountId", accountId)
        .param("kind", kind.name())
        .param("actor", actor)
        .param("deletedKind", AuditKind.ACCOUNT_DELETED.name())
        .param("clientAddress", clientAddress)
        .param("details", details)
        .update();
  }

  @Override
  public List<AuditEntry> ofAccount(UUID accountId, int limit) {
    return jdbc.sql("select * from audit_event where account_id = :id order by occurred_at desc, seq desc limit :limit")
        .param("id", accountId)
        .param("limit", limit)
        .query(
            (rs, row) ->
                new AuditEntry(
                    rs.getObject("id", UUID.class),
                    DbTime.read(rs, "occurred_at"),
                    rs.getObject("account_id", UUID.class),
                    AuditKind.valueOf(rs.getString("kind")),
                    rs.getString("actor"),
                    rs.getString("client_address"),
                    rs.getString("details")))
        .list();
  }
}
