package org.propusk.federation;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: a refresh token that had already been exchanged for a new one was presented
 * again. One of the two holders may have stolen it, so the whole family (every token of that
 * sign-in at that client, the newest too) was revoked.
 */
public record RefreshTokenReuseDetected(UUID accountId, String clientId, Occurrence occurrence) {}
