package org.propusk.federation;

import java.util.List;
import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: a portal received data about the citizen. It names the claims, never their values.
 *
 * @param clientId the portal's client id
 * @param claims the names of the claims released, e.g. {@code family_name}
 * @param channel {@code id_token} or {@code userinfo}
 */
public record AttributesReleased(
    UUID accountId, String clientId, List<String> claims, String channel, Occurrence occurrence) {

  public AttributesReleased {
    claims = List.copyOf(claims);
  }
}
