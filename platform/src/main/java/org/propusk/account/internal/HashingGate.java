package org.propusk.account.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.propusk.shared.Overloaded;

/**
 * Lets at most {@code concurrency} password hashes run at once, in the order they arrived. Each
 * Argon2id hash holds its working memory (19 MiB at the default cost) and a core for its whole
 * run: more at once than there are cores only shares the cores more thinly, makes every sign-in
 * slower and holds more memory. A hash that cannot start within {@code maxWait} is refused as
 * {@link Overloaded} (503, retry shortly) rather than queueing for as long as the clients keep
 * coming.
 *
 * <p>Metrics: {@code propusk.password.hashing.wait} (time waited for a turn, tagged {@code
 * outcome} = {@code admitted} or {@code refused}), {@code propusk.password.hashing.waiting} (hashes
 * waiting now) and {@code propusk.password.hashing.active} (hashes running now).
 */
class HashingGate {

  private final int concurrency;
  private final Semaphore turns;
  private final Duration maxWait;
  private final Duration retryAfter;
  private final MeterRegistry metrics;
  private final Timer admitted;
  private final Timer refused;

  HashingGate(int concurrency, Duration maxWait, MeterRegistry metrics) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("at least one hash at a time");
    }
    this.concurrency = concurrency;
    // fair: the longest-waiting sign-in goes next, so that none is overtaken until it times out
    this.turns = new Semaphore(concurrency, true);
    this.maxWait = maxWait;
    // a queue that did not move for maxWait needs about as long to drain
    this.retryAfter = Duration.ofSeconds(Math.max(1, maxWait.toSeconds()));
    this.metrics = metrics;
    this.admitted = wait(metrics, "admitted");
    this.refused = wait(metrics, "refused");
    Gauge.builder("propusk.password.hashing.waiting", turns, Semaphore::getQueueLength)
        .description("Password hashes waiting for their turn")
        .register(metrics);
    Gauge.builder("propusk.password.hashing.active", turns, t -> concurrency - t.availablePermits())
        .description("Password hashes running")
        .register(metrics);
  }

  private static Timer wait(MeterRegistry metrics, String outcome) {
    return Timer.builder("propusk.password.hashing.wait")
        .description("Time a password hash waited for its turn")
        .tag("outcome", outcome)
        .register(metrics);
  }

  /** How many hashes may run at once. */
  int concurrency() {
    return concurrency;
  }

  /**
   * Runs the hash when its turn comes.
   *
   * @throws Overloaded when the turn did not come within the maximum wait
   */
  <T> T run(Supplier<T> hash) {
    Timer.Sample waiting = Timer.start(metrics);
    boolean admittedInTime;
    try {
      admittedInTime = turns.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admittedInTime = false;
    }
    waiting.stop(admittedInTime ? admitted : refused);
    if (!admittedInTime) {
      throw new Overloaded(retryAfter);
    }
    try {
      return hash.get();
    } finally {
      turns.release();
    }
  }
}
