package org.propusk.shared;

import java.util.function.Supplier;

/**
 * A unique constraint that a request can run into, and what its duplicate means to the client
 * (usually the "taken" error of the field it guards). A module declares one bean per constraint
 * of its tables; {@link DuplicateKeys} answers a duplicate with it.
 *
 * @param constraint the constraint or unique index name as in the migration (lower case)
 * @param problem what a duplicate is answered with
 */
public record UniqueKey(String constraint, Supplier<? extends Problem> problem) {}
