package org.propusk.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one limiter: counts events per kind and subject in the database, so that all nodes share the
 * counts. Subjects (contacts, addresses, account ids) are stored only as keyed hashes.
 */
@Component
public class RateLimiter {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final OneTimeSecrets secrets;
  private final Limits limits;

  RateLimiter(JdbcClient jdbc, Clock clock, OneTimeSecrets secrets, Limits limits) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.secrets = secrets;
    this.limits = limits;
  }

  /** Decides whether one more event of this kind for this subject may happen now. */
  public LimitDecision check(LimitKind kind, String subject) {
    Limit limit = limits.of(kind);
    Instant now = clock.instant();
    Window window =
        jdbc.sql(
                """
                select count(*) as events, min(occurred_at) as first_at, max(occurred_at) as last_at
                from rate_limit_event where kind = :kind and subject = :subject and occurred_at > :since
                """)
            .param("kind", kind.name())
            .param("subject", key(subject))
            .param("since", DbTime.of(now.minus(limit.window())))
            .query(
                (rs, row) ->
                    new Window(
                        rs.getInt("events"),
                        DbTime.read(rs, "first_at"),
                        DbTime.read(rs, "last_at")))
            .single();
    if (window.events() >= limit.max()) {
      Instant until =
          limit.lockout() != null
              ? window.last().plus(limit.lockout())
              : window.first().plus(limit.window());
      if (until.isAfter(now)) {
        return new LimitDecision.LockedOut(until);
      }
    }
    if (window.events() >= limit.free() && !limit.baseDelay().isZero()) {
      int doublings = Math.min(window.events() - limit.free(), 16);
      Duration delay = limit.baseDelay().multipliedBy(1L << doublings);
      Instant until = window.last().plus(delay);
      if (until.isAfter(now)) {
        return new LimitDecision.Delayed(until);
      }
    }
    return new LimitDecision.Permitted();
  }

  /** Counts one event. */
  public void record(LimitKind kind, String subject) {
    jdbc.sql(
            "insert into rate_limit_event (id, kind, subject, occurred_at) values (:id, :kind, :subject, :at)")
        .param("id", UUID.randomUUID())
        .param("kind", kind.name())
        .param("subject", key(subject))
        .param("at", DbTime.of(clock.instant()))
        .update();
  }

  /** Forgets the events of a subject, e.g. the failed sign-ins after a successful one. */
  public void reset(LimitKind kind, String subject) {
    jdbc.sql("delete from rate_limit_event where kind = :kind and subject = :subject")
        .param("kind", kind.name())
        .param("subject", key(subject))
        .update();
  }

  /** Deletes events older than every window; run by a recurring job. */
  int forgetExpired() {
    Duration longest =
        limits.table().values().stream()
            .map(l -> l.lockout() == null ? l.window() : l.window().plus(l.lockout()))
            .max(Duration::compareTo)
            .orElse(Duration.ofDays(1));
    return jdbc.sql("delete from rate_limit_event where occurred_at < :before")
        .param("before", DbTime.of(clock.instant().minus(longest)))
        .update();
  }

  private String key(String subject) {
    return secrets.hash(subject);
  }

  private record Window(int events, Instant first, Instant last) {}

  /** The limits table, bound from {@code propusk.limits}. */
  @ConfigurationProperties("propusk")
  record Limits(Map<LimitKind, Limit> limits) {

    Limit of(LimitKind kind) {
      Limit limit = limits.get(kind);
      if (limit == null) {
        throw new IllegalStateException("no limit configured for " + kind);
      }
      return limit;
    }

    Map<LimitKind, Limit> table() {
      return limits;
    }
  }
}
