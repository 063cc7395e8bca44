package org.propusk.shared;

import java.time.Instant;

/**
 * When and from where something happened, carried in its domain event so that the audit records
 * the moment of the action rather than the moment a listener got to it.
 *
 * @param clientAddress null when no request caused it (a background job)
 */
public record Occurrence(Instant at, String clientAddress) {

  /** At this instant, from the client of the request being served, if any. */
  public static Occurrence at(Instant instant) {
    return new Occurrence(instant, ClientAddress.current().orElse(null));
  }
}
