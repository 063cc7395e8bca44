package org.propusk.federation.internal.keys;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.nimbusds.jose.JWSAlgorithm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.propusk.federation.SigningKeyRotated;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.propusk.federation.internal.clients.FederationSettings;
import org.propusk.shared.Occurrence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotates the signing keys (ADR 6, section 5), as a recurring task that one node of the cluster
 * runs at a time. Per algorithm: a day before the active key is due to retire
 * ({@code propusk.federation.key-rotation} after it began to sign), the next key is published in
 * the JWKS, so that relying parties that cache the JWKS know it before it signs; once due, and
 * published for at least that day, it signs, and the retired key stays published for the
 * longest token lifetime plus a day, so that tokens it signed still verify. A node that has not
 * yet read the change (its cache, a minute at most) keeps signing with the retired key, which is
 * still published.
 */
@Component
class KeyRotation {

  /** How long a next key is published before it signs. */
  static final Duration NOTICE = Duration.ofHours(24);
  /** How long a retired key stays published: the longest-lived token it signed, and a day for slow clocks and caches. */
  static final Duration RETIRED_PUBLISHED =
      ClientRegistry.ID_TOKEN_LIFETIME.plus(Duration.ofDays(1));

  private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

  private final SigningKeys keys;
  private final Duration period;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  KeyRotation(
      SigningKeys keys,
      FederationSettings settings,
      TransactionTemplate transactions,
      ApplicationEventPublisher events,
      Clock clock) {
    if (settings.keyRotation().compareTo(NOTICE.multipliedBy(2)) < 0) {
      throw new IllegalStateException("propusk.federation.key-rotation must be at least two days");
    }
    this.keys = keys;
    this.period = settings.keyRotation();
    this.transactions = transactions;
    this.events = events;
    this.clock = clock;
  }

  /** Hourly, so that a next key is published close to a day ahead whatever time of day it falls due. */
  @Bean
  RecurringTask<Void> rotateSigningKeys() {
    return Tasks.recurring("rotate-signing-keys", FixedDelay.ofHours(1)).execute((instance, context) -> rotateDue());
  }

  /** Publishes and activates what is due now, for every algorithm. */
  void rotateDue() {
    SigningKeys.ALGORITHMS.forEach(alg -> transactions.executeWithoutResult(status -> rotateDue(alg, clock.instant())));
  }

  private void rotateDue(JWSAlgorithm alg, Instant now) {
    List<SigningKeys.Generation> generations = keys.activeAndNext(alg);
    if (generations.isEmpty()) {
      return; // created at start (SigningKeys)
    }
    SigningKeys.Generation active = generations.get(0);
    Instant due = active.signsFrom().plus(period);
    if (generations.size() == 1) {
      if (!now.isBefore(due.minus(NOTICE))) {
        // late (the task did not run for a while): it still gets its full day of notice
        Instant signsFrom = due.isBefore(now.plus(NOTICE)) ? now.plus(NOTICE) : due;
        if (keys.publishNext(alg, active.number() + 1, signsFrom, now)) {
          log.info("Published the next {} signing key, to sign from {}", alg, signsFrom);
        }
      }
      return;
    }
    SigningKeys.Generation next = generations.get(1);
    if (!now.isBefore(next.signsFrom()) && !now.isBefore(next.createdAt().plus(NOTICE))) {
      keys.activate(alg, active, next, now, now.plus(RETIRED_PUBLISHED));
      events.publishEvent(new SigningKeyRotated(alg.getName(), next.kid(), active.kid(), Occurrence.at(now)));
      log.info("The {} signing key {} signs now; {} retired", alg, next.kid(), active.kid());
    }
  }
}
