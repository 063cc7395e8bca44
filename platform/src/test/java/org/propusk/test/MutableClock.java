package org.propusk.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The real time plus an offset that tests move forward. It keeps ticking, so that background
 * workers (retries, clean-ups) still see time pass; it never goes back.
 *
 * <p>A test that checks a boundary to the second ("valid for 299 s, refused at 300 s") freezes it
 * first: then only {@link #advance} moves time, and however slowly the machine runs the test, no
 * real second slips in between. {@link #resume} lets it tick again from where it stood.
 */
public class MutableClock extends Clock {

  /** Either ticking with an offset from the real time, or standing still at an instant. */
  private record State(Duration offset, Instant frozenAt) {

    Instant instant() {
      return frozenAt != null ? frozenAt : Instant.now().plus(offset);
    }
  }

  private volatile State state = new State(Duration.ZERO, null);

  public synchronized void advance(Duration duration) {
    state =
        state.frozenAt() != null
            ? new State(state.offset(), state.frozenAt().plus(duration))
            : new State(state.offset().plus(duration), null);
  }

  /** Stops time where it is now; only {@link #advance} moves it until {@link #resume}. */
  public synchronized void freeze() {
    state = new State(state.offset(), state.instant());
  }

  /** Lets time tick again from the instant it stood at. */
  public synchronized void resume() {
    if (state.frozenAt() != null) {
      state = new State(Duration.between(Instant.now(), state.frozenAt()), null);
    }
  }

  @Override
  public Instant instant() {
    return state.instant();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the platform works in UTC");
  }
}
