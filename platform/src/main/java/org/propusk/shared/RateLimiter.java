package org.propusk.shared;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one limiter: counts events per kind and subject in the database, so that all nodes share the
 * counts. Subjects (contacts, addresses, account ids) are stored only as keyed hashes.
 *
 * <p>It counts on a small connection pool of its own, in short transactions that commit at once:
 * a count never waits for a connection held by the caller's transaction (a burst cannot starve
 * the main pool), and it survives whatever that transaction does afterwards. Refusals are counted by
 * kind and decision ({@code propusk.rate.limits.refused}), never by subject.
 */
@Component
public class RateLimiter implements DisposableBean {

  /** Each count holds a connection for a few statements only. */
  private static final int POOL_SIZE = 4;

  private final HikariDataSource pool;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final OneTimeSecrets secrets;
  private final Limits limits;
  private final TransactionTemplate ownTransaction;
  private final MeterRegistry metrics;

  RateLimiter(
      DataSourceProperties database, Clock clock, OneTimeSecrets secrets, Limits limits, MeterRegistry metrics) {
    this.pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("rate-limits");
    pool.setMaximumPoolSize(POOL_SIZE);
    this.jdbc = JdbcClient.create(pool);
    this.ownTransaction = new TransactionTemplate(new JdbcTransactionManager(pool));
    this.clock = clock;
    this.secrets = secrets;
    this.limits = limits;
    this.metrics = metrics;
  }

  @Override
  public void destroy() {
    pool.close();
  }

  /**
   * Takes a slot for one more event of this kind and subject, or says how long to wait. The count
   * locks the subject's row: parallel requests on any node are admitted one after another and never
   * past the limit, and an admitted event stays counted whatever the caller does afterwards (a 409
   * or a rollback does not undo it). A refused attempt is not counted, so that waiting out a delay
   * or a lock-out is always enough.
   */
  public LimitDecision acquire(LimitKind kind, String subject) {
    String key = key(subject);
    Optional<LimitDecision> decision = ownTransaction.execute(tx -> acquireLocked(kind, key));
    if (decision.isEmpty()) {
      createSubject(kind, key);
      decision = ownTransaction.execute(tx -> acquireLocked(kind, key));
    }
    LimitDecision decided = decision.orElseThrow(() -> new IllegalStateException("no rate-limit row for " + kind));
    String refusal =
        switch (decided) {
          case LimitDecision.Permitted permitted -> null;
          case LimitDecision.Delayed delayed -> "delayed";
          case LimitDecision.LockedOut lockedOut -> "locked_out";
        };
    if (refusal != null) {
      metrics
          .counter("propusk.rate.limits.refused", "kind", kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), "decision", refusal)
          .increment();
    }
    return decided;
  }

  /**
   * Takes a slot or refuses with a 429 problem of the given type.
   *
   * @throws TooManyAttempts when the limit is reached
   */
  public LimitDecision.Permitted take(LimitKind kind, String subject, String problemType) {
    return switch (acquire(kind, subject)) {
      case LimitDecision.Permitted slot -> slot;
      case LimitDecision refused -> throw new TooManyAttempts(problemType, refused, clock.instant());
    };
  }

  /** One subject of a kind, for {@link #takeAll}. */
  public record Counted(LimitKind kind, String subject) {}

  /**
   * Takes a slot of every kind for its subject, or none: the slots taken before a refusal are given
   * back, so that a refused attempt counts nowhere.
   *
   * @throws TooManyAttempts when one of the limits is reached
   */
  public List<LimitDecision.Permitted> takeAll(String problemType, Counted... counted) {
    List<LimitDecision.Permitted> taken = new ArrayList<>();
    try {
      for (Counted c : counted) {
        taken.add(take(c.kind(), c.subject(), problemType));
      }
    } catch (TooManyAttempts refused) {
      taken.forEach(this::release);
      throw refused;
    }
    return taken;
  }

  /** Gives back a slot that turned out not to count, e.g. a sign-in that succeeded. */
  public void release(LimitDecision.Permitted slot) {
    jdbc.sql("delete from rate_limit_event where id = :id").param("id", slot.slot()).update();
  }

  /** Forgets the events of a subject, e.g. the failed sign-ins after a successful one. */
  public void reset(LimitKind kind, String subject) {
    jdbc.sql("delete from rate_limit_event where kind = :kind and subject = :subject")
        .param("kind", kind.name())
        .param("subject", key(subject))
        .update();
  }

  /** Deletes events older than every window, and the rows of idle subjects; run by a recurring job. */
  int forgetExpired() {
    Duration longest =
        limits.table().values().stream()
            .map(l -> l.lockout() == null ? l.window() : l.window().plus(l.lockout()))
            .max(Duration::compareTo)
            .orElse(Duration.ofDays(1));
    OffsetDateTime before = DbTime.of(clock.instant().minus(longest));
    jdbc.sql("delete from rate_limit_subject where touched_at < :before").param("before", before).update();
    return jdbc.sql("delete from rate_limit_event where occurred_at < :before").param("before", before).update();
  }

  /** Empty when the subject has no row yet; otherwise decides and counts while holding its lock. */
  private Optional<LimitDecision> acquireLocked(LimitKind kind, String key) {
    int locked =
        jdbc.sql("update rate_limit_subject set touched_at = :now where kind = :kind and subject = :subject")
            .param("now", DbTime.of(clock.instant()))
            .param("kind", kind.name())
            .param("subject", key)
            .update();
    if (locked == 0) {
      return Optional.empty();
    }
    Limit limit = limits.of(kind);
    Instant now = clock.instant();
    Window window =
        jdbc.sql(
                """
                select count(*) as events, min(occurred_at) as first_at, max(occurred_at) as last_at
                from rate_limit_event where kind = :kind and subject = :subject and occurred_at > :since
                """)
            .param("kind", kind.name())
            .param("subject", key)
            .param("since", DbTime.of(now.minus(limit.window())))
            .query(
                (rs, row) ->
                    new Window(
                        rs.getInt("events"),
                        DbTime.read(rs, "first_at"),
                        DbTime.read(rs, "last_at")))
            .single();
    Optional<LimitDecision> refused = window.refusal(limit, now);
    if (refused.isPresent()) {
      return refused;
    }
    UUID slot = UUID.randomUUID();
    jdbc.sql(
            "insert into rate_limit_event (id, kind, subject, occurred_at) values (:id, :kind, :subject, :at)")
        .param("id", slot)
        .param("kind", kind.name())
        .param("subject", key)
        .param("at", DbTime.of(now))
        .update();
    return Optional.of(new LimitDecision.Permitted(slot));
  }

  /** The subject's row, created once; a parallel request creating it first is just as good. */
  private void createSubject(LimitKind kind, String key) {
    try {
      ownTransaction.executeWithoutResult(
          tx ->
              jdbc.sql(
                      """
                      insert into rate_limit_subject (kind, subject, touched_at)
                      select :kind, :subject, :now where not exists
                        (select 1 from rate_limit_subject where kind = :kind and subject = :subject)
                      """)
                  .param("kind", kind.name())
                  .param("subject", key)
                  .param("now", DbTime.of(clock.instant()))
                  .update());
    } catch (DuplicateKeyException createdMeanwhile) {
      // the other request's row serves this one too
    }
  }

  private String key(String subject) {
    return secrets.hash(subject);
  }

  private record Window(int events, Instant first, Instant last) {

    /** A lock-out once {@code max} events are in the window; a growing delay after {@code free}. */
    Optional<LimitDecision> refusal(Limit limit, Instant now) {
      if (events >= limit.max()) {
        Instant until = limit.lockout() != null ? last.plus(limit.lockout()) : first.plus(limit.window());
        if (until.isAfter(now)) {
          return Optional.of(new LimitDecision.LockedOut(until));
        }
      }
      if (events >= limit.free() && !limit.baseDelay().isZero()) {
        int doublings = Math.min(events - limit.free(), 16);
        Instant until = last.plus(limit.baseDelay().multipliedBy(1L << doublings));
        if (until.isAfter(now)) {
          return Optional.of(new LimitDecision.Delayed(until));
        }
      }
      return Optional.empty();
    }
  }

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
