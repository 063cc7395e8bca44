package org.propusk.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * One scenario of a benchmark: a fixed number of client threads call as fast as they can for a
 * bounded time (after a warm-up of half that time), and the report line gives throughput,
 * latency percentiles and the error rate (answers other than the expected status, and failed
 * calls). Timing is reported, never asserted.
 */
final class LoadRun {

  /** One call of the scenario, returning the HTTP status. */
  interface Call {
    int status() throws IOException, InterruptedException;
  }

  private final Duration run;
  private final int threads;

  LoadRun(Duration run, int threads) {
    this.run = run;
    this.threads = threads;
  }

  String header() {
    return "threads=" + threads + " seconds per scenario=" + run.toSeconds() + " (warm-up " + run.toSeconds() / 2 + ")";
  }

  /** {@code perThread} gives each thread its own call (its own client, account or token). */
  String measure(String name, IntFunction<Call> perThread, int expected) throws Exception {
    run(perThread, expected, run.dividedBy(2)); // warm-up: JIT, connection pools, caches
    Result result = run(perThread, expected, run);
    List<Long> latencies = result.latencies();
    Collections.sort(latencies);
    double perSecond = latencies.size() / (double) run.toMillis() * 1000;
    return String.format(
        "%-50s %8.1f req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  errors %5.2f %%  (n=%d)",
        name,
        perSecond,
        ms(latencies, 0.50),
        ms(latencies, 0.95),
        ms(latencies, 0.99),
        latencies.isEmpty() ? 100.0 : 100.0 * result.errors() / latencies.size(),
        latencies.size());
  }

  private record Result(List<Long> latencies, long errors) {}

  private Result run(IntFunction<Call> perThread, int expected, Duration duration) throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    List<Future<Result>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        Call call = perThread.apply(t);
        results.add(
            pool.submit(
                () -> {
                  List<Long> latencies = new ArrayList<>();
                  long errors = 0;
                  while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    int status;
                    try {
                      status = call.status();
                    } catch (IOException | RuntimeException failed) {
                      status = -1;
                    }
                    latencies.add(System.nanoTime() - start);
                    if (status != expected) {
                      errors++;
                    }
                  }
                  return new Result(latencies, errors);
                }));
      }
    }
    List<Long> all = new ArrayList<>();
    long errors = 0;
    for (Future<Result> result : results) {
      all.addAll(result.get().latencies());
      errors += result.get().errors();
    }
    return new Result(all, errors);
  }

  private static double ms(List<Long> sorted, double quantile) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1_000_000.0;
  }
}
