package org.propusk.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The hash-bound limit of password sign-in on this machine: how many Argon2id verifications per
 * second all its cores manage at the platform's cost when they do nothing else. A sign-in verifies
 * one hash, so no server signs in more citizens per second than this (cores / time per hash); the
 * report gives each system's sign-in throughput as a fraction of it.
 *
 * <p>The encoder is the platform's ({@code PasswordHashing}: Spring's Argon2id with a 16-byte salt
 * and a 32-byte hash); the cost comes as arguments, which {@code scripts/bench.sh} reads from the
 * platform's {@code application.yaml}. One thread per core verifies the same password against a
 * stored hash, as a sign-in does, for a warm-up (JIT) and then for the measured time; bounded by
 * both.
 *
 * <pre>
 * HashBound [--memory-kib 19456] [--iterations 2] [--parallelism 1] [--threads cores]
 *           [--warmup 3] [--seconds 10] [--out file.properties]
 * </pre>
 */
public final class HashBound {

  private HashBound() {}

  /** What was measured: verifications in the measured time, with every thread hashing. */
  record Result(int memoryKib, int iterations, int parallelism, int threads, Duration measured, long hashes) {

    double perSecond() {
      return hashes / (measured.toNanos() / 1e9);
    }

    /** The mean time of one hash while every thread hashes (cores / this = {@link #perSecond()}). */
    double millisPerHash() {
      return threads * measured.toNanos() / 1e6 / hashes;
    }

    Map<String, String> properties() {
      Map<String, String> values = new LinkedHashMap<>();
      values.put("hash.memory-kib", Integer.toString(memoryKib));
      values.put("hash.iterations", Integer.toString(iterations));
      values.put("hash.parallelism", Integer.toString(parallelism));
      values.put("hash.threads", Integer.toString(threads));
      values.put("hash.seconds", Double.toString(measured.toMillis() / 1000.0));
      values.put("hash.hashes", Long.toString(hashes));
      values.put("hash.per-second", String.format(Locale.ROOT, "%.2f", perSecond()));
      values.put("hash.millis-per-hash", String.format(Locale.ROOT, "%.2f", millisPerHash()));
      return values;
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int memoryKib = Integer.parseInt(options.getOrDefault("memory-kib", "19456"));
    int iterations = Integer.parseInt(options.getOrDefault("iterations", "2"));
    int parallelism = Integer.parseInt(options.getOrDefault("parallelism", "1"));
    int threads = Integer.parseInt(options.getOrDefault("threads", Integer.toString(Runtime.getRuntime().availableProcessors())));
    Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "3")));
    Duration seconds = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "10")));

    System.out.printf(
        "Argon2id m=%d KiB, t=%d, p=%d: %d threads, %d s warm-up, %d s measured%n",
        memoryKib, iterations, parallelism, threads, warmup.toSeconds(), seconds.toSeconds());
    Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, parallelism, memoryKib, iterations);
    String password = "Slow-Birch-Harbour-2026";
    String stored = encoder.encode(password);
    verify(encoder, password, stored, threads, warmup);
    Result result = verify(encoder, password, stored, threads, seconds).of(memoryKib, iterations, parallelism, threads);
    System.out.printf(
        "%d hashes in %.1f s: %.1f hashes/s, %.1f ms per hash with every thread hashing%n",
        result.hashes(), result.measured().toMillis() / 1000.0, result.perSecond(), result.millisPerHash());
    if (options.containsKey("out")) {
      write(Path.of(options.get("out")), result.properties());
    }
  }

  /** Verifications by all threads, and the time until the last one, begun before the end, was done. */
  private record Run(long hashes, Duration elapsed) {

    Result of(int memoryKib, int iterations, int parallelism, int threads) {
      return new Result(memoryKib, iterations, parallelism, threads, elapsed, hashes);
    }
  }

  private static Run verify(Argon2PasswordEncoder encoder, String password, String stored, int threads, Duration duration)
      throws Exception {
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Future<Long>> counts = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        counts.add(
            pool.submit(
                () -> {
                  long done = 0;
                  while (System.nanoTime() < end) {
                    if (!encoder.matches(password, stored)) {
                      throw new IllegalStateException("Argon2id did not verify its own hash");
                    }
                    done++;
                  }
                  return done;
                }));
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    long total = 0;
    for (Future<Long> count : counts) {
      total += count.get();
    }
    return new Run(total, elapsed);
  }

  private static void write(Path file, Map<String, String> values) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer out = Files.newBufferedWriter(file)) {
      for (Map.Entry<String, String> value : values.entrySet()) {
        out.write(value.getKey() + "=" + value.getValue() + "\n");
      }
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
