package org.propusk.federation.internal.claims;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.propusk.shared.DbTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sharing log is kept for {@code propusk.federation.sharing-log-retention} (three years by
 * default) and then deleted, hourly and cluster-wide once. Why three years: under 152-FZ the
 * operator must be able to show the citizen, and the regulator on a complaint, to whom their
 * personal data was transferred, and the general limitation period for such claims (Civil Code,
 * art. 196) is three years; past that the record itself is personal data kept without a purpose.
 */
@Configuration(proxyBeanMethods = false)
public class SharingLogRetention {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Period retention;

  SharingLogRetention(JdbcClient jdbc, Clock clock, @Value("${propusk.federation.sharing-log-retention:3y}") Period retention) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.retention = retention;
  }

  @Bean
  RecurringTask<Void> deleteExpiredSharingLog() {
    return Tasks.recurring("delete-expired-sharing-log", FixedDelay.ofHours(1)).execute((instance, context) -> deleteExpired());
  }

  /** Deletes the entries older than the retention period; returns how many. */
  public int deleteExpired() {
    // a Period of years is calendar time: counted on the UTC calendar, not as fixed seconds
    Instant cutoff = clock.instant().atOffset(ZoneOffset.UTC).minus(retention).toInstant();
    return jdbc.sql("delete from federation_sharing_log where released_at < :cutoff").param("cutoff", DbTime.of(cutoff)).update();
  }
}
