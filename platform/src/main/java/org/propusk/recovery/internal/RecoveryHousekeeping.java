package org.propusk.recovery.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Removes expired and completed recoveries. */
@Configuration(proxyBeanMethods = false)
class RecoveryHousekeeping {

  @Bean
  RecurringTask<Void> deleteFinishedRecoveries(
      RecoveryService recoveries, @Value("${propusk.recovery.cleanup-every}") Duration every) {
    return Tasks.recurring("delete-finished-recoveries", FixedDelay.of(every))
        .execute((instance, context) -> recoveries.deleteFinishedFlows());
  }
}
