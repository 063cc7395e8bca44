package org.propusk.recovery;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: someone started an access recovery.
 *
 * @param accountId the account the login names, null for a login that matches none
 */
public record RecoveryStarted(UUID flowId, UUID accountId, Occurrence occurrence) {}
