package org.propusk.account.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.Counter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.propusk.shared.Overloaded;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets at most {@code concurrency} password hashes run at once, in the order they arrived. Each
 * Argon2id hash holds its working memory (19 MiB at the default cost) and a core for its whole
 * run: more at once than there are cores only shares the cores more thinly, makes every sign-in
 * slower and holds more memory. A hash that cannot start within {@code maxWait} is refused as
 * {@link Overloaded} (503, retry shortly) rather than queueing for as long as the clients keep
 * coming. No hash runs inside a transaction (see {@link org.propusk.account.AcceptedPassword}).
 *
 * <p>Metrics: {@code propusk.password.hashing.wait} (time waited for a turn, tagged {@code
 * outcome} = {@code admitted} or {@code refused}), {@code propusk.password.hashing.waiting} (hashes
 * waiting now), {@code propusk.password.hashing.active} (hashes running now), {@code
 * propusk.password.hashing.duration} (time from a hash's turn to its end) and {@code
 * propusk.password.hashing.cpu} (CPU seconds the hashing threads spent on them): their ratio shows
 * whether hashes wait for a core (other work on the machine) or run slower on one (shared caches
 * and memory bandwidth), against the hash time measured alone (bench, HashBound).
 */
class HashingGate {

  private final int concurrency;
  private final Semaphore turns;
  private final Duration maxWait;
  private final Duration retryAfter;
  private final MeterRegistry metrics;
  private final Timer admitted;
  private final Timer refused;
  private final Timer running;
  private final Counter cpu;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

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
    this.running =
        Timer.builder("propusk.password.hashing.duration").description("Time a password hash ran, from its turn to its end").register(metrics);
    this.cpu =
        Counter.builder("propusk.password.hashing.cpu")
            .baseUnit("seconds")
            .description("CPU time of the threads running password hashes, while they ran them")
            .register(metrics);
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
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      // it would hold a pooled connection, and whatever it locked, through its wait and its run
      throw new IllegalStateException("a password hash runs outside any transaction (see AcceptedPassword)");
    }
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
    long cpuAtStart = threadCpuNanos();
    long start = System.nanoTime();
    try {
      return hash.get();
    } finally {
      turns.release();
      running.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      long cpuAtEnd = threadCpuNanos();
      if (cpuAtStart >= 0 && cpuAtEnd >= 0) {
        cpu.increment((cpuAtEnd - cpuAtStart) / 1e9);
      }
    }
  }

  /** This thread's CPU time, or -1 where the JVM does not measure it. */
  private long threadCpuNanos() {
    return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
  }
}
