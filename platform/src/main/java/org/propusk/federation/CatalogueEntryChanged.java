package org.propusk.federation;

import java.util.List;
import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * An administrator added an entry to the services catalogue or changed one (hiding is a change of
 * {@code active}). {@code fields} names what differs from before (every field of a new entry), not
 * the values: the entry itself keeps those.
 */
public record CatalogueEntryChanged(String code, boolean added, List<String> fields, boolean shown, UUID administrator, Occurrence occurrence) {}
