package org.propusk.shared;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.autoconfigure.Jackson3Serializer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Background jobs keep their data as JSON (Jackson 3, as the rest of Boot 4), not Java
 * serialisation, and stop taking jobs when the application stops.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

  @Bean
  DbSchedulerCustomizer jsonTaskData() {
    return new DbSchedulerCustomizer() {
      @Override
      public Optional<Serializer> serializer() {
        return Optional.of(new Jackson3Serializer());
      }
    };
  }

  @Bean
  JobRunnerLifecycle jobRunnerLifecycle(ObjectProvider<Scheduler> scheduler) {
    return new JobRunnerLifecycle(scheduler);
  }

  /**
   * Pauses the job runner when the context stops and resumes it when the context starts again. The
   * starter only starts and shuts it down, so a stopped context (a shutdown in progress, or a test
   * context paused in the cache) would otherwise keep taking jobs whose follow-up work (the domain
   * events' listeners) then waits on the stopped executor: a paused test context took other
   * contexts' registry checks and held their audit entries back.
   */
  static final class JobRunnerLifecycle implements SmartLifecycle {

    private final ObjectProvider<Scheduler> scheduler;
    private volatile boolean running;

    JobRunnerLifecycle(ObjectProvider<Scheduler> scheduler) {
      this.scheduler = scheduler;
    }

    @Override
    public void start() {
      if (!running) {
        scheduler.ifAvailable(Scheduler::resume);
        running = true;
      }
    }

    @Override
    public void stop() {
      scheduler.ifAvailable(Scheduler::pause);
      running = false;
    }

    @Override
    public boolean isRunning() {
      return running;
    }
  }
}
