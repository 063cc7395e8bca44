package org.propusk.federation;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: a portal no longer has the citizen's consent, and its tokens for the account were
 * revoked (refresh tokens no longer work, userinfo refuses its access tokens).
 *
 * @param clientId the portal's client id
 * @param refused true when the citizen refused it on the consent page, false when withdrawn on the
 *     sharing page
 */
public record ConsentWithdrawn(UUID accountId, String clientId, boolean refused, Occurrence occurrence) {}
