package org.propusk.verification;

import java.util.Set;
import java.util.UUID;
import org.propusk.shared.Occurrence;

/** Domain event: fields of the profile changed (their names only, never their values). */
public record ProfileChanged(UUID accountId, Set<String> fields, Occurrence occurrence) {}
