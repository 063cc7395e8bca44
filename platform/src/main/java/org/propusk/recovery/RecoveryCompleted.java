package org.propusk.recovery;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** Domain event: a recovery ended with a new password; the account's other sessions ended. */
public record RecoveryCompleted(UUID flowId, UUID accountId, Occurrence occurrence) {}
