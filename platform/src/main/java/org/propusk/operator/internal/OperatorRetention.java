package org.propusk.operator.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import org.propusk.shared.Retention;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A contact proven (or not) at the desk holds a visitor's phone or e-mail; once its hour is over
 * it serves nothing, so it goes, every ten minutes, cluster-wide once.
 */
@Configuration(proxyBeanMethods = false)
class OperatorRetention {

  @Bean
  Retention contactProofRetention(JdbcClient jdbc, Clock clock) {
    return new Retention(
        "delete-expired-contact-proofs", Duration.ofMinutes(10), "operator_contact_proof", "expires_at", now -> now, jdbc, clock);
  }

  @Bean
  RecurringTask<Void> deleteExpiredContactProofs(Retention contactProofRetention) {
    return contactProofRetention.task();
  }
}
