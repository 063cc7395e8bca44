package org.propusk.account;

import java.util.UUID;

/** What other modules and the pages may know about an account. {@code phone}/{@code email} may be null. */
public record AccountSummary(
    UUID id,
    LevelEvaluation level,
    String lastName,
    String firstName,
    String phone,
    String email) {}
