package org.propusk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.Test;
import org.propusk.test.PropuskIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A stopped context takes no jobs: the test framework pauses cached contexts that share the
 * database, and a paused context that still took jobs ran other contexts' registry checks with
 * their event listeners held back.
 */
@PropuskIntegrationTest
class JobRunnerLifecycleTests {

  @Autowired ConfigurableApplicationContext context;
  @Autowired Scheduler scheduler;

  @Test
  void pausesTheJobRunnerWhileTheContextIsPausedAndResumesItAfter() {
    assertThat(scheduler.getSchedulerState().isPaused()).isFalse();
    context.pause();
    try {
      assertThat(scheduler.getSchedulerState().isPaused()).isTrue();
    } finally {
      context.restart();
    }
    assertThat(scheduler.getSchedulerState().isPaused()).isFalse();
  }
}
