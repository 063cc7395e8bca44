package org.propusk.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MutableClockTests {

  @Test
  void standsStillWhileFrozenExceptWhereTheTestMovesIt() throws InterruptedException {
    MutableClock clock = new MutableClock();
    clock.freeze();
    Instant frozen = clock.instant();
    Thread.sleep(5); // real time passes; the frozen clock must not notice
    assertThat(clock.instant()).isEqualTo(frozen);
    clock.advance(Duration.ofSeconds(299));
    assertThat(clock.instant()).isEqualTo(frozen.plusSeconds(299));
  }

  @Test
  void ticksOnFromWhereItStoodAndNeverGoesBack() {
    MutableClock clock = new MutableClock();
    clock.advance(Duration.ofHours(1));
    clock.freeze();
    Instant frozen = clock.instant();
    clock.resume();
    assertThat(clock.instant()).isAfterOrEqualTo(frozen);
    clock.freeze();
    clock.advance(Duration.ofSeconds(1));
    assertThat(clock.instant()).as("frozen again, moved only by the test").isAfter(frozen);
  }
}
