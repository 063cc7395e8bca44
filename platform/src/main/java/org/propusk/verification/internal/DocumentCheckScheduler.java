package org.propusk.verification.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Registry checks as durable, cluster-safe db-scheduler jobs: scheduled in the transaction that
 * stores the data, retried with exponential back-off while the registry does not answer, picked up
 * again after a restart.
 */
@Component
class DocumentCheckScheduler {

  static final String TASK = "document-check";

  /** The job's data: which check to run. */
  record CheckRef(UUID checkId) {}

  private final ObjectProvider<SchedulerClient> scheduler;
  private final OneTimeTask<CheckRef> task;

  DocumentCheckScheduler(ObjectProvider<SchedulerClient> scheduler, OneTimeTask<CheckRef> documentCheckTask) {
    this.scheduler = scheduler;
    this.task = documentCheckTask;
  }

  /**
   * Runs the check as soon as a job runner is free. "Now" is the job runner's own time, as for its
   * retries; the domain clock decides only the check's deadlines.
   */
  void schedule(UUID checkId) {
    scheduler.getObject().schedule(task.instance(checkId.toString(), new CheckRef(checkId)), Instant.now());
  }

  @Configuration(proxyBeanMethods = false)
  static class Task {

    @Bean
    OneTimeTask<CheckRef> documentCheckTask(DocumentChecker checker, CheckPolicy policy) {
      FailureHandler<CheckRef> backOff =
          (complete, operations) ->
              operations.reschedule(
                  complete,
                  complete.getTimeDone().plus(policy.retryAfter(complete.getExecution().consecutiveFailures + 1)));
      return Tasks.oneTime(TASK, CheckRef.class)
          .onFailure(backOff)
          .execute((instance, context) -> checker.run(instance.getData().checkId()));
    }
  }
}
