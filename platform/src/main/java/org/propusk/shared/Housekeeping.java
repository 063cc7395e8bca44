package org.propusk.shared;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Cluster-safe recurring clean-up of the shared kernel's tables. */
@Configuration(proxyBeanMethods = false)
class Housekeeping {

  @Bean
  RecurringTask<Void> forgetExpiredRateLimitEvents(RateLimiter limiter) {
    return Tasks.recurring("forget-expired-rate-limit-events", FixedDelay.ofMinutes(10))
        .execute((instance, context) -> limiter.forgetExpired());
  }
}
