package org.propusk.account;

import java.util.UUID;

/**
 * What other modules and the pages may know about an account. {@code phone}/{@code email} may be
 * null; {@code phoneConfirmed}/{@code emailConfirmed} say whether the owner proved them with a code
 * (what relying parties are told as {@code phone_number_verified} and {@code email_verified}).
 * {@code identityProof} is null until the citizen proved their identity.
 */
public record AccountSummary(
    UUID id,
    LevelEvaluation level,
    String lastName,
    String firstName,
    String phone,
    String email,
    boolean phoneConfirmed,
    boolean emailConfirmed,
    IdentityProof identityProof) {}
