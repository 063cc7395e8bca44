package org.propusk.federation.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneOffset;
import org.propusk.shared.Retention;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How long the federation module keeps what it records about citizens. */
@Configuration(proxyBeanMethods = false)
class FederationRetention {

  /**
   * The sharing log is kept for {@code propusk.federation.sharing-log-retention} (three years by
   * default). Why three years: under 152-FZ the operator must be able to show the citizen, and the
   * regulator on a complaint, to whom their personal data was transferred, and the general
   * limitation period for such claims (Civil Code, art. 196) is three years; past that the record
   * itself is personal data kept without a purpose. A Period of years is calendar time: counted on
   * the UTC calendar, not as fixed seconds.
   */
  @Bean
  Retention sharingLogRetention(
      JdbcClient jdbc, Clock clock, @Value("${propusk.federation.sharing-log-retention:3y}") Period retention) {
    return new Retention(
        "delete-expired-sharing-log", Duration.ofHours(1), "federation_sharing_log", "released_at",
        now -> now.atOffset(ZoneOffset.UTC).minus(retention).toInstant(), jdbc, clock);
  }

  /**
   * Sessions that end by a sign-out, a password change, the sessions list or the account's
   * deletion are forgotten at once (back-channel logout); those that time out are not told of.
   * The sids made before the absolute session timeout go, with their clients and authorization
   * links (the foreign keys cascade): no browser session is that old.
   */
  @Bean
  Retention oidcSessionRetention(
      JdbcClient jdbc, Clock clock, @Value("${propusk.session.absolute-timeout}") Duration absoluteTimeout) {
    return new Retention(
        "forget-timed-out-oidc-sessions", Duration.ofMinutes(10), "federation_session", "created_at",
        now -> now.minus(absoluteTimeout), jdbc, clock);
  }

  @Bean
  RecurringTask<Void> deleteExpiredSharingLog(Retention sharingLogRetention) {
    return sharingLogRetention.task();
  }

  @Bean
  RecurringTask<Void> forgetTimedOutOidcSessions(Retention oidcSessionRetention) {
    return oidcSessionRetention.task();
  }
}
