package org.propusk.federation.internal.authorization;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring never deletes an authorization: expired codes and tokens, abandoned requests and revoked
 * families would stay for ever, with their tokens and the citizen's sign-in in them. Every ten
 * minutes, cluster-wide once, what is past its latest expiry goes, and so do the spent refresh
 * token hashes of families that can no longer live.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationHousekeeping {

  @Bean
  RecurringTask<Void> deleteExpiredAuthorizations(AuthorizationStore store, Clock clock) {
    return Tasks.recurring("delete-expired-authorizations", FixedDelay.ofMinutes(10))
        .execute((instance, context) -> store.deleteExpired(clock.instant()));
  }
}
