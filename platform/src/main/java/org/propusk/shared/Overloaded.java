package org.propusk.shared;

import java.time.Duration;

/**
 * More work at once than this node takes on (too many passwords waiting to be hashed): answered
 * 503 with {@code Retry-After}, so that the client, or the load balancer in front, tries again
 * shortly instead of waiting in a queue without end.
 */
public class Overloaded extends Problem {

  private final Duration retryAfter;

  public Overloaded(Duration retryAfter) {
    super(503, "overloaded");
    this.retryAfter = retryAfter;
  }

  @Override
  public Duration retryAfter() {
    return retryAfter;
  }
}
