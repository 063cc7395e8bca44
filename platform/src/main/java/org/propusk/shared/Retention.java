package org.propusk.shared;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of one table kept until a cutoff that moves with the clock, then deleted by a cluster-safe
 * recurring task (one node runs it each time).
 *
 * @param table the table, a constant of the caller's, never input
 * @param column its time column
 * @param cutoff from now to the oldest moment still kept
 */
public record Retention(
    String taskName, Duration every, String table, String column, UnaryOperator<Instant> cutoff, JdbcClient jdbc, Clock clock) {

  /** Deletes the rows older than the cutoff; returns how many. */
  public int deleteExpired() {
    return jdbc.sql("delete from " + table + " where " + column + " < :cutoff")
        .param("cutoff", DbTime.of(cutoff.apply(clock.instant())))
        .update();
  }

  /** The recurring task that deletes them, for a {@code @Bean}. */
  public RecurringTask<Void> task() {
    return Tasks.recurring(taskName, FixedDelay.of(every)).execute((instance, context) -> deleteExpired());
  }
}
