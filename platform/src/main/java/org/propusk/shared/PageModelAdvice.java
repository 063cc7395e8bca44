package org.propusk.shared;

import java.time.Clock;
import java.time.Instant;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs to know. */
@ControllerAdvice
class PageModelAdvice {

  private final Clock clock;

  PageModelAdvice(Clock clock) {
    this.clock = clock;
  }

  /** The server's time, so that countdowns are right on a device whose clock is off. */
  @ModelAttribute("serverNow")
  Instant serverNow() {
    return clock.instant();
  }

  @ModelAttribute("signedIn")
  boolean signedIn() {
    return Citizen.current().isPresent();
  }
}
