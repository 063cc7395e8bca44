package org.propusk.operations.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.propusk.authentication.SecondFactorFailed;
import org.propusk.authentication.SignInFailedEvent;
import org.propusk.authentication.SignedInEvent;
import org.propusk.registration.RegistrationCompleted;
import org.propusk.registration.RegistrationStarted;
import org.propusk.verification.DocumentCheckCompleted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts the domain events operators watch, with tags from small fixed sets only (never an
 * account, a contact or an address).
 *
 * <p>Counted just before the event's transaction commits (or at once outside one): Spring
 * Modulith stores a publication row for every after-commit listener, which a counter is not worth
 * on the sign-in path, and a rolled-back event is not counted.
 */
@Component
class DomainMetrics {

  private final MeterRegistry metrics;

  DomainMetrics(MeterRegistry metrics) {
    this.metrics = metrics;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(SignedInEvent event) {
    signIn("signed_in");
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(SignInFailedEvent event) {
    signIn("wrong_login_or_password");
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(SecondFactorFailed event) {
    signIn("wrong_second_factor");
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(RegistrationStarted event) {
    metrics.counter("propusk.registrations", "stage", "started", "channel", event.channel()).increment();
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(RegistrationCompleted event) {
    metrics.counter("propusk.registrations", "stage", "completed", "channel", event.channel()).increment();
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(DocumentCheckCompleted event) {
    metrics
        .counter(
            "propusk.registry.checks",
            "document", event.document().name().toLowerCase(Locale.ROOT),
            "outcome", event.outcome().apiName(),
            "reason", event.reason() == null ? "none" : event.reason().apiName())
        .increment();
  }

  private void signIn(String outcome) {
    metrics.counter("propusk.sign.ins", "outcome", outcome).increment();
  }
}
