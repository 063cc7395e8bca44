package org.propusk.account;

import java.util.UUID;

/** Domain event: a new account exists. Carries no personal data. */
public record AccountOpened(UUID accountId, AccountLevel level) {}
