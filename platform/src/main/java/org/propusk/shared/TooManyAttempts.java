package org.propusk.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A limit was reached; answered 429 with {@code Retry-After} and the time it ends. */
public class TooManyAttempts extends Problem {

  private final Duration retryAfter;
  private final Instant until;

  public TooManyAttempts(String type, LimitDecision decision, Instant now) {
    super(429, type);
    this.retryAfter = decision.retryAfter(now);
    this.until = now.plus(retryAfter);
  }

  @Override
  public Duration retryAfter() {
    return retryAfter;
  }

  /** When the citizen may try again. */
  public Instant until() {
    return until;
  }

  /** The wait as minutes:seconds, for "try again in 14:59". */
  @Override
  public Object[] detailArguments() {
    long seconds = retryAfter.toSeconds();
    return new Object[] {String.format("%d:%02d", seconds / 60, seconds % 60)};
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("retryAt", until.toString());
  }
}
