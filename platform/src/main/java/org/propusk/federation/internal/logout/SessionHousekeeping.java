package org.propusk.federation.internal.logout;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.propusk.shared.DbTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions that end by a sign-out, a password change, the sessions list or the account's deletion
 * are forgotten at once ({@link BackChannelLogout}); those that time out are not told of. Every
 * ten minutes, cluster-wide once, the sids made before the absolute session timeout go, with their
 * clients and authorization links (the foreign keys cascade): no browser session is that old.
 */
@Configuration(proxyBeanMethods = false)
public class SessionHousekeeping {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration absoluteTimeout;

  SessionHousekeeping(JdbcClient jdbc, Clock clock, @Value("${propusk.session.absolute-timeout}") Duration absoluteTimeout) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.absoluteTimeout = absoluteTimeout;
  }

  @Bean
  RecurringTask<Void> forgetTimedOutOidcSessions() {
    return Tasks.recurring("forget-timed-out-oidc-sessions", FixedDelay.ofMinutes(10)).execute((instance, context) -> forgetTimedOut());
  }

  /** Deletes the sessions past the absolute timeout; returns how many. */
  public int forgetTimedOut() {
    return jdbc.sql("delete from federation_session where created_at < :cutoff")
        .param("cutoff", DbTime.of(clock.instant().minus(absoluteTimeout)))
        .update();
  }
}
