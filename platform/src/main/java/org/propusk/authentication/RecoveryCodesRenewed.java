package org.propusk.authentication;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** Domain event: the citizen asked for a new set of recovery codes; the old ones no longer work. */
public record RecoveryCodesRenewed(UUID accountId, Occurrence occurrence) {}
