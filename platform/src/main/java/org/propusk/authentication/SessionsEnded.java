package org.propusk.authentication;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: the citizen ended some of their signed-in sessions from the sessions list (one,
 * or every other one, also when a second factor was turned on). The sessions are already gone from
 * the store when it is published, so a listener finds which ones are over by what is left.
 */
public record SessionsEnded(UUID accountId, Occurrence occurrence) {}
