package org.propusk.test;

import java.time.Duration;

/**
 * How long a test waits at most for work it does not drive itself: the outbox delivering, a
 * registry check running as a background job, a page reloading itself. It is a guard against a
 * hang, not an expectation of speed: on a loaded two-core machine such work takes many times longer
 * than on a quiet one, and a test that passes never waits this long.
 */
public final class Waits {

  public static final Duration BACKGROUND = Duration.ofMinutes(2);

  private Waits() {}
}
