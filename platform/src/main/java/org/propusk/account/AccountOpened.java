package org.propusk.account;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** Domain event: a new account exists. Carries no personal data. */
public record AccountOpened(UUID accountId, AccountLevel level, Occurrence occurrence) {}
