package org.propusk.authentication;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** Domain event: a citizen signed in with a password. */
public record SignedInEvent(UUID accountId, Occurrence occurrence) {}
