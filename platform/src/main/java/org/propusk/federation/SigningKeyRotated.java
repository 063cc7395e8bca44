package org.propusk.federation;

import org.propusk.shared.Occurrence;

/**
 * Domain event: a new key signs the tokens of this algorithm ({@code ES256}, {@code RS256}); the
 * retired key stays published until the tokens it signed have expired.
 */
public record SigningKeyRotated(String algorithm, String activeKeyId, String retiredKeyId, Occurrence occurrence) {}
