package org.propusk.federation;

import java.util.List;
import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: the citizen allowed a portal to receive the data of these scopes (the consent
 * page's "allow"). Scopes only: what they hold is in the claim catalogue, never in the event.
 *
 * @param clientId the portal's client id
 */
public record ConsentGranted(UUID accountId, String clientId, List<String> scopes, Occurrence occurrence) {

  public ConsentGranted {
    scopes = List.copyOf(scopes);
  }
}
