package org.propusk.registration.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Removes expired and completed registrations; an abandoned registration leaves nothing behind. */
@Configuration(proxyBeanMethods = false)
class RegistrationHousekeeping {

  @Bean
  RecurringTask<Void> deleteFinishedRegistrations(
      RegistrationService registrations,
      @Value("${propusk.registration.cleanup-every}") Duration every) {
    return Tasks.recurring("delete-finished-registrations", FixedDelay.of(every))
        .execute((instance, context) -> registrations.deleteFinishedFlows());
  }
}
