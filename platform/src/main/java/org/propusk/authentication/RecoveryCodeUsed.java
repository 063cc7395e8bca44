package org.propusk.authentication;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** Domain event: one of the account's single-use recovery codes was accepted; {@code left} remain. */
public record RecoveryCodeUsed(UUID accountId, int left, Occurrence occurrence) {}
