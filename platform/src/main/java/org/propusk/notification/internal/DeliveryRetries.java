package org.propusk.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The background worker that retries deliveries: publications whose listener failed (gateway down)
 * or never finished (node stopped) are resubmitted with exponential back-off, cluster-safe through
 * db-scheduler. Nothing is dropped; a delivery keeps being retried at the longest interval. Each
 * retry is counted by event type ({@code propusk.events.resubmitted}).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryRetries {

  @Bean
  RecurringTask<Void> retryFailedDeliveries(
      IncompleteEventPublications publications,
      Clock clock,
      MeterRegistry metrics,
      @Value("${propusk.notification.retry.every}") Duration every,
      @Value("${propusk.notification.retry.first-backoff}") Duration firstBackoff,
      @Value("${propusk.notification.retry.max-backoff}") Duration maxBackoff,
      @Value("${propusk.notification.retry.stale-after}") Duration staleAfter) {
    RetrySchedule schedule = new RetrySchedule(firstBackoff, maxBackoff, staleAfter);
    return Tasks.recurring("retry-failed-deliveries", FixedDelay.of(every))
        .execute(
            (instance, context) ->
                publications.resubmitIncompletePublications(
                    publication -> {
                      boolean due = schedule.isDue(publication, clock.instant());
                      if (due) {
                        // the event's type only: a fixed, small set of names, never its content
                        metrics
                            .counter("propusk.events.resubmitted", "event", publication.getEvent().getClass().getSimpleName())
                            .increment();
                      }
                      return due;
                    }));
  }

  /** When an incomplete publication is due for another attempt. */
  record RetrySchedule(Duration firstBackoff, Duration maxBackoff, Duration staleAfter) {

    boolean isDue(EventPublication publication, Instant now) {
      return switch (publication.getStatus()) {
        case FAILED -> !now.isBefore(lastAttempt(publication).plus(backoff(publication)));
        // published or processing for this long: the node that had it is gone
        case PUBLISHED, PROCESSING, RESUBMITTED ->
            !now.isBefore(lastAttempt(publication).plus(staleAfter));
        default -> false;
      };
    }

    Duration backoff(EventPublication publication) {
      int doublings = Math.min(Math.max(publication.getCompletionAttempts() - 1, 0), 20);
      Duration backoff = firstBackoff.multipliedBy(1L << doublings);
      return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }

    private static Instant lastAttempt(EventPublication publication) {
      Instant resubmitted = publication.getLastResubmissionDate();
      return resubmitted != null ? resubmitted : publication.getPublicationDate();
    }
  }
}
