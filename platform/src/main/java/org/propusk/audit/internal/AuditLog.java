package org.propusk.audit.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.propusk.audit.AuditEntry;
import org.propusk.audit.AuditKind;
import org.propusk.audit.AuditTrail;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Appends to and reads the audit table; there is no update and no delete. */
@Component
class AuditLog implements AuditTrail {

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void append(UUID accountId, AuditKind kind, String actor, String clientAddress, String details) {
    jdbc.sql(
            """
            insert into audit_event (id, occurred_at, account_id, kind, actor, client_address, details)
            values (:id, :at, :accountId, :kind, :actor, :clientAddress, :details)
            """)
        .param("id", UUID.randomUUID())
        .param("at", DbTime.of(clock.instant()))
        .param("accountId", accountId)
        .param("kind", kind.name())
        .param("actor", actor)
        .param("clientAddress", clientAddress)
        .param("details", details)
        .update();
  }

  @Override
  public List<AuditEntry> ofAccount(UUID accountId, int limit) {
    return jdbc.sql("select * from audit_event where account_id = :id order by seq desc limit :limit")
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
