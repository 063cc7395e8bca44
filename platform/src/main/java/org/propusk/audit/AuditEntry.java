package org.propusk.audit;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit trail. */
public record AuditEntry(
    UUID id, Instant occurredAt, UUID accountId, AuditKind kind, String actor, String clientAddress, String details) {}
