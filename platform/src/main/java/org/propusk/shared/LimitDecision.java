package org.propusk.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What the limiter says about the next attempt. */
public sealed interface LimitDecision {

  /** The attempt may go ahead; it is counted as the event {@code slot}. */
  record Permitted(UUID slot) implements LimitDecision {}

  /** The attempt is too early: repeated attempts are slowed down. */
  record Delayed(Instant until) implements LimitDecision {}

  /** The subject is blocked until the given time. */
  record LockedOut(Instant until) implements LimitDecision {}

  /** How long the client has to wait, rounded up to whole seconds (at least one). */
  default Duration retryAfter(Instant now) {
    Instant until =
        switch (this) {
          case Permitted p -> now;
          case Delayed d -> d.until();
          case LockedOut l -> l.until();
        };
    long millis = Duration.between(now, until).toMillis();
    return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
  }
}
