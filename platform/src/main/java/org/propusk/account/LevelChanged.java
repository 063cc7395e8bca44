package org.propusk.account;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** Domain event: the account's level, derived from its evidence, is now another one. */
public record LevelChanged(UUID accountId, AccountLevel from, AccountLevel to, Occurrence occurrence) {}
