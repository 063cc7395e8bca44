package org.propusk.audit;

import java.util.List;
import java.util.UUID;

/** The audit module's API: reading the trail (writing happens by listening to domain events). */
public interface AuditTrail {

  /** An account's history, newest first. */
  List<AuditEntry> ofAccount(UUID accountId, int limit);
}
