package org.propusk.federation.internal.clients;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Forgets the {@code jti}s of expired client assertions: they can no longer be replayed anyway. */
@Configuration(proxyBeanMethods = false)
class ClientHousekeeping {

  @Bean
  RecurringTask<Void> forgetExpiredClientAssertions(ClientAssertionDecoders assertions) {
    return Tasks.recurring("forget-expired-client-assertions", FixedDelay.ofMinutes(10))
        .execute((instance, context) -> assertions.forgetExpired());
  }
}
