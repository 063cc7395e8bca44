package org.propusk.account;

import java.util.Set;

/**
 * The level an account has, and what is missing for the next one ({@code next} is null at the top
 * level).
 */
public record LevelEvaluation(AccountLevel level, AccountLevel next, Set<Evidence> missingForNext) {}
