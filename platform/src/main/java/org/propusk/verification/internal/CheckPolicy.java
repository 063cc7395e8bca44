package org.propusk.verification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long and how often a registry check is retried, from {@code propusk.verification.check}.
 *
 * @param firstRetry wait after the first unanswered attempt; doubled after each further one
 * @param maxRetry the longest wait between two attempts
 * @param giveUpAfter how long after the start the check fails for want of an answer (SPEC: 5 days)
 */
@ConfigurationProperties("propusk.verification.check")
record CheckPolicy(Duration firstRetry, Duration maxRetry, Duration giveUpAfter) {

  Duration retryAfter(int failures) {
    Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
    return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
  }
}
