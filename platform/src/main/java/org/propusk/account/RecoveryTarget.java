package org.propusk.account;

import java.util.UUID;

/** Where a recovery code for an account goes: the confirmed contact the citizen named. */
public record RecoveryTarget(UUID accountId, Contact contact) {}
