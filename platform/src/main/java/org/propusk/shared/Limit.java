package org.propusk.shared;

import java.time.Duration;

/**
 * One row of the limits table: at most {@code max} events per {@code window}. After {@code free}
 * events each further one waits {@code baseDelay}, doubled per event; at {@code max} the subject is
 * locked out for {@code lockout} after its last event (or until the oldest event leaves the window
 * when no lockout is set).
 */
public record Limit(int max, Duration window, Integer free, Duration baseDelay, Duration lockout) {

  public Limit {
    if (max < 1 || window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a limit needs max >= 1 and a positive window");
    }
    free = free == null ? max : free;
    baseDelay = baseDelay == null ? Duration.ZERO : baseDelay;
  }
}
