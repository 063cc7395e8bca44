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
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
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
 * the main pool), and it survives whatever that transaction does afterwards. All the limits of one
 * request are counted in one such transaction. Forgetting (after a right password) joins the
 * caller's transaction instead. Refusals are counted by
 * kind and decision ({@code propusk.rate.limits.refused}), never by subject.
 */
@Component
public class RateLimiter implements DisposableBean {

  /** Each count holds a connection for a few statements only. */
  private static final int POOL_SIZE = 4;

  /** The lock rows the migration creates: subjects share them, spread by a hash. */
  private static final int LOCK_ROWS = 1024;

  private final HikariDataSource pool;
  private final JdbcClient jdbc;
  private final JdbcClient callers;
  private final Clock clock;
  private final OneTimeSecrets secrets;
  private final Limits limits;
  private final TransactionTemplate ownTransaction;
  private final MeterRegistry metrics;

  RateLimiter(
      DataSourceProperties database,
      JdbcClient callers,
      Clock clock,
      OneTimeSecrets secrets,
      Limits limits,
      MeterRegistry metrics) {
    this.pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("rate-limits");
    pool.setMaximumPoolSize(POOL_SIZE);
    this.jdbc = JdbcClient.create(pool);
    this.ownTransaction = new TransactionTemplate(new JdbcTransactionManager(pool));
    this.callers = callers;
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
   * Takes a slot for one more event of this kind and subject, or says how long to wait: see
   * {@link #takeAll}. A refusal is counted in the metrics, not as an event.
   */
  public LimitDecision acquire(LimitKind kind, String subject) {
    Counting counting = count(List.of(new Counted(kind, subject)));
    return counting.refusal() != null ? counting.refusal() : counting.slots().getFirst();
  }

  /**
   * Takes a slot or refuses with a 429 problem of the given type.
   *
   * @throws TooManyAttempts when the limit is reached
   */
  public LimitDecision.Permitted take(LimitKind kind, String subject, String problemType) {
    return takeAll(problemType, new Counted(kind, subject)).getFirst();
  }

  /** One subject of a kind, for {@link #takeAll}. */
  public record Counted(LimitKind kind, String subject) {}

  /**
   * Takes a slot of every kind for its subject, or none, in one short transaction of the limiter's
   * own that commits at once: parallel requests on any node are admitted one after another and
   * never past a limit, and the admitted events stay counted whatever the caller does afterwards (a
   * 409 or a rollback does not undo them). A refused attempt counts nowhere, so that waiting out a
   * delay or a lock-out is always enough.
   *
   * @return the slots, in the order of {@code counted}
   * @throws TooManyAttempts with the first of the limits (in the order given) that is reached
   */
  public List<LimitDecision.Permitted> takeAll(String problemType, Counted... counted) {
    Counting counting = count(List.of(counted));
    if (counting.refusal() != null) {
      throw new TooManyAttempts(problemType, counting.refusal(), clock.instant());
    }
    return counting.slots();
  }

  /**
   * Gives back a slot that turned out not to count, e.g. a sign-in that succeeded. In the caller's
   * transaction when there is one, so that the sign-in writes what follows it at once.
   */
  public void release(LimitDecision.Permitted slot) {
    callers.sql("delete from rate_limit_event where id = :id").param("id", slot.slot()).update();
  }

  /**
   * Forgets the events of a subject, e.g. the failed sign-ins after a successful one; in the
   * caller's transaction when there is one, like {@link #release}.
   */
  public void reset(LimitKind kind, String subject) {
    callers.sql("delete from rate_limit_event where kind = :kind and subject = :subject")
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
    OffsetDateTime before = DbTime.of(clock.instant().minus(longest));
    return jdbc.sql("delete from rate_limit_event where occurred_at < :before").param("before", before).update();
  }

  /** The slots of all, or the first refusal (then nothing is counted). */
  private record Counting(List<LimitDecision.Permitted> slots, LimitDecision refusal) {}

  /**
   * Decides and counts while holding the lock rows of all the subjects, taken in ascending order so
   * that two requests counting overlapping subjects cannot deadlock.
   */
  private Counting count(List<Counted> counted) {
    List<String> keys = counted.stream().map(c -> key(c.subject())).toList();
    List<Integer> lockRows = new ArrayList<>();
    for (int i = 0; i < counted.size(); i++) {
      lockRows.add(lockRow(counted.get(i).kind(), keys.get(i)));
    }
    Counting counting =
        ownTransaction.execute(
            tx -> {
              jdbc.sql("select id from rate_limit_lock where id in (:ids) order by id for update")
                  .param("ids", lockRows.stream().distinct().sorted().toList())
                  .query()
                  .listOfRows();
              Instant now = clock.instant();
              for (int i = 0; i < counted.size(); i++) {
                LimitKind kind = counted.get(i).kind();
                Optional<LimitDecision> refused = window(kind, keys.get(i), now).refusal(limits.of(kind), now);
                if (refused.isPresent()) {
                  metrics
                      .counter(
                          "propusk.rate.limits.refused",
                          "kind", kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                          "decision", refused.get() instanceof LimitDecision.Delayed ? "delayed" : "locked_out")
                      .increment();
                  return new Counting(List.of(), refused.get());
                }
              }
              List<LimitDecision.Permitted> slots = new ArrayList<>();
              for (int i = 0; i < counted.size(); i++) {
                UUID slot = UUID.randomUUID();
                jdbc.sql(
                        "insert into rate_limit_event (id, kind, subject, occurred_at) values (:id, :kind, :subject, :at)")
                    .param("id", slot)
                    .param("kind", counted.get(i).kind().name())
                    .param("subject", keys.get(i))
                    .param("at", DbTime.of(now))
                    .update();
                slots.add(new LimitDecision.Permitted(slot));
              }
              return new Counting(slots, null);
            });
    return Objects.requireNonNull(counting);
  }

  private Window window(LimitKind kind, String key, Instant now) {
    return jdbc.sql(
            """
            select count(*) as events, min(occurred_at) as first_at, max(occurred_at) as last_at
            from rate_limit_event where kind = :kind and subject = :subject and occurred_at > :since
            """)
        .param("kind", kind.name())
        .param("subject", key)
        .param("since", DbTime.of(now.minus(limits.of(kind).window())))
        .query((rs, row) -> new Window(rs.getInt("events"), DbTime.read(rs, "first_at"), DbTime.read(rs, "last_at")))
        .single();
  }

  /** One of the {@link #LOCK_ROWS} rows of {@code rate_limit_lock} (V125), the same on every node. */
  private static int lockRow(LimitKind kind, String key) {
    return Math.floorMod((kind.name() + "/" + key).hashCode(), LOCK_ROWS);
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
