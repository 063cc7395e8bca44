package org.propusk.authentication.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Removes sign-in flows whose second-factor step expired. */
@Configuration(proxyBeanMethods = false)
class SignInHousekeeping {

  @Bean
  RecurringTask<Void> deleteExpiredSignIns(SignInService signIns, SignInPolicy policy) {
    return Tasks.recurring("delete-expired-sign-ins", FixedDelay.of(policy.cleanupEvery()))
        .execute((instance, context) -> signIns.deleteExpiredFlows());
  }
}
