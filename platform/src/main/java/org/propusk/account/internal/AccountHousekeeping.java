package org.propusk.account.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Removes expired and completed contact changes. */
@Configuration(proxyBeanMethods = false)
class AccountHousekeeping {

  @Bean
  RecurringTask<Void> deleteFinishedContactChanges(ContactChangeService changes) {
    return Tasks.recurring("delete-finished-contact-changes", FixedDelay.ofMinutes(5))
        .execute((instance, context) -> changes.deleteFinishedFlows());
  }
}
