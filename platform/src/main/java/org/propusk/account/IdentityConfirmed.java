package org.propusk.account;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** Domain event: the account now holds a proof of identity (the level follows in {@link LevelChanged}). */
public record IdentityConfirmed(UUID accountId, IdentityProof proof, Occurrence occurrence) {}
