package org.propusk.authentication;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** Domain event: a citizen signed out. */
public record SignedOutEvent(UUID accountId, Occurrence occurrence) {}
