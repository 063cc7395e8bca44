package org.propusk.authentication.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.propusk.account.SessionStanding;
import org.propusk.shared.Citizen;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a signed-in session is over whatever its idle time: past the absolute timeout, its account
 * gone, or begun before the account's sessions were ended everywhere (a password change, a
 * recovery). The request filter ends such a session; the list of sessions does not show it.
 */
@Component
class SessionLifetime {

  private final Clock clock;
  private final Duration absoluteTimeout;

  SessionLifetime(Clock clock, @Value("${propusk.session.absolute-timeout}") Duration absoluteTimeout) {
    this.clock = clock;
    this.absoluteTimeout = absoluteTimeout;
  }

  boolean isOver(Citizen citizen, Optional<SessionStanding> standing) {
    return !clock.instant().isBefore(citizen.signedInAt().plus(absoluteTimeout))
        || standing.isEmpty()
        // a session whose latest proof came before the sessions were ended everywhere is over; the
        // one that changed the password proved it at the change and goes on, its 12 h unchanged
        || (standing.get().validFrom() != null && citizen.authenticatedAt().isBefore(standing.get().validFrom()));
  }
}
