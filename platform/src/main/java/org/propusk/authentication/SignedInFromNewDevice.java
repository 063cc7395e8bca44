package org.propusk.authentication;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: a citizen signed in from a browser that had not signed in with this login before
 * (it brought no device cookie for it), so that the owner hears of a stranger's sign-in.
 *
 * @param device the browser and system in plain words ("Chrome 131, Windows"), or null when unknown
 */
public record SignedInFromNewDevice(UUID accountId, String device, Occurrence occurrence) {}
