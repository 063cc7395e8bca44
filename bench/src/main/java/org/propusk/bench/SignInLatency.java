package org.propusk.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A small bounded password sign-in load on Propusk, for the data-scale check of issue 14 (sign-in
 * latency with 10 k and with 1 M accounts in the database): each of CLIENTS threads signs in again
 * and again as a citizen picked at random among the generated logins ({@link BenchAccounts}), each
 * time as a new client ({@link SignInClient}). After WARMUP seconds it measures the POST for SECONDS and
 * prints, per target, the sign-ins, their rate, p50/p95/p99 and the errors (answers other than 200).
 *
 * <p>With several targets (platforms on databases of different sizes) each thread takes them in
 * turn, so that every target meets the same load of the machine at the same moments: on a machine
 * shared with other work that comparison holds where runs one after the other would not.
 *
 * <pre>
 * SignInLatency [--seconds 60] [--clients 4] [--warmup 15] ACCOUNTS@BASE_URL...
 * </pre>
 */
public final class SignInLatency {

  /** A platform and the number of generated logins in its database. */
  record Target(String base, int accounts) {

    static Target parse(String spec) {
      int at = spec.indexOf('@');
      return new Target(spec.substring(at + 1), Integer.parseInt(spec.substring(0, at)));
    }
  }

  private final List<Target> targets;
  private final AtomicLongArray errors;

  private SignInLatency(List<Target> targets) {
    this.targets = targets;
    this.errors = new AtomicLongArray(targets.size());
  }

  public static void main(String[] args) throws InterruptedException, ExecutionException {
    int seconds = 60;
    int clients = 4;
    int warmup = 15;
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> targets.add(Target.parse(args[i]));
      }
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException(
          "usage: SignInLatency [--seconds 60] [--clients 4] [--warmup 15] ACCOUNTS@BASE_URL...");
    }
    new SignInLatency(targets).run(Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), clients);
  }

  private void run(Duration warmup, Duration measured, int clients)
      throws InterruptedException, ExecutionException {
    long measureFrom = System.nanoTime() + warmup.toNanos();
    long end = measureFrom + measured.toNanos();
    List<List<Long>> latencies = new ArrayList<>();
    targets.forEach(t -> latencies.add(new ArrayList<>()));
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<List<List<Long>>>> results = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int first = c; // threads start at different targets: each target has clients in flight at once
        results.add(pool.submit(() -> signInUntil(first, measureFrom, end)));
      }
      for (Future<List<List<Long>>> result : results) {
        List<List<Long>> client = result.get();
        for (int t = 0; t < targets.size(); t++) {
          latencies.get(t).addAll(client.get(t));
        }
      }
    }
    for (int t = 0; t < targets.size(); t++) {
      long[] sorted = latencies.get(t).stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(
          "accounts=%d clients=%d seconds=%d sign-ins=%d rate=%.1f/s p50=%.0f ms p95=%.0f ms p99=%.0f ms max=%.0f ms errors=%d%n",
          targets.get(t).accounts(), clients, measured.toSeconds(), sorted.length,
          sorted.length / (double) measured.toSeconds(), millis(percentile(sorted, 0.50)),
          millis(percentile(sorted, 0.95)), millis(percentile(sorted, 0.99)),
          millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]), errors.get(t));
    }
  }

  /**
   * One client's sign-ins until {@code end}, at the targets in turn from {@code first}: per target,
   * the latencies (ns) of those begun after {@code measureFrom} and finished by {@code end}.
   */
  private List<List<Long>> signInUntil(int first, long measureFrom, long end) {
    SignInClient client = new SignInClient();
    List<List<Long>> latencies = new ArrayList<>();
    targets.forEach(t -> latencies.add(new ArrayList<>()));
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int turn = first; System.nanoTime() < end; turn++) {
      int t = turn % targets.size();
      Target target = targets.get(t);
      boolean measuring = System.nanoTime() >= measureFrom;
      try {
        long took = client.signIn(target.base(), random.nextInt(target.accounts()));
        if (measuring && System.nanoTime() <= end) {
          latencies.get(t).add(took);
        }
      } catch (IOException e) {
        if (measuring) {
          errors.incrementAndGet(t);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return latencies;
  }

  /** Nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
