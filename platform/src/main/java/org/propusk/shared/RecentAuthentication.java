package org.propusk.shared;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one re-authentication rule: changing the password, a contact or the second factor, and
 * deleting the account, need the password proven within the last few minutes (5 by default), so
 * that whoever finds a signed-in browser left open cannot take the account over.
 */
@Component
public class RecentAuthentication {

  private final Clock clock;
  private final Duration window;

  RecentAuthentication(Clock clock, @Value("${propusk.session.reauthentication-window}") Duration window) {
    this.clock = clock;
    this.window = window;
  }

  /**
   * The signed-in citizen, when they proved the password recently enough.
   *
   * @throws ReauthenticationRequired otherwise (also when no one is signed in: the security rules
   *     keep such requests out before they get here)
   */
  public Citizen require() {
    return Citizen.current()
        .filter(citizen -> citizen.proved(AuthenticationMethod.PASSWORD, window, clock.instant()))
        .orElseThrow(ReauthenticationRequired::new);
  }

  public Duration window() {
    return window;
  }
}
