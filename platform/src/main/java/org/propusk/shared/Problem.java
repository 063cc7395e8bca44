package org.propusk.shared;

import java.time.Duration;
import java.util.Map;

/**
 * A failure the citizen (or API client) can act on. The API answers it as RFC 9457 problem JSON
 * with the status given here; title and detail come from the messages {@code problem.<type>.*}.
 */
public abstract class Problem extends RuntimeException {

  private final int status;
  private final String type;

  protected Problem(int status, String type) {
    super(type, null, false, false);
    this.status = status;
    this.type = type;
  }

  public int status() {
    return status;
  }

  /** A short slug such as {@code contact-taken}; also the last segment of the problem type URI. */
  public String type() {
    return type;
  }

  /** Extra members of the problem object, e.g. {@code attemptsLeft}. */
  public Map<String, Object> properties() {
    return Map.of();
  }

  /** Arguments for the detail message. */
  public Object[] detailArguments() {
    return new Object[0];
  }

  /** When set, the answer carries a {@code Retry-After} header. */
  public Duration retryAfter() {
    return null;
  }
}
