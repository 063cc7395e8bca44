package org.propusk.account.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The account's background jobs, cluster-safe (db-scheduler runs each on one node at a time):
 * contact changes whose cooling-off period is over take effect; expired, applied and cancelled
 * ones are removed.
 */
@Configuration(proxyBeanMethods = false)
class AccountHousekeeping {

  @Bean
  RecurringTask<Void> applyDueContactChanges(ContactChangeService changes, ContactChangePolicy policy) {
    return Tasks.recurring("apply-due-contact-changes", FixedDelay.of(policy.applyEvery()))
        .execute((instance, context) -> changes.applyDue());
  }

  @Bean
  RecurringTask<Void> deleteFinishedContactChanges(ContactChangeService changes) {
    return Tasks.recurring("delete-finished-contact-changes", FixedDelay.ofMinutes(5))
        .execute((instance, context) -> changes.deleteFinishedFlows());
  }
}
