package org.propusk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestContacts;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Throughput and latency of the hot API paths over real HTTP on loopback: sign-in (one Argon2id
 * verification each) and the start of a registration (limits, flow, outbox event). Not part of
 * the test run (the class name matches no test pattern); run it with
 * {@code ./mvnw -pl platform -am test -Dtest=ApiBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code platform/target/benchmarks/api.txt}. Tune with {@code -Dbench.seconds=} and
 * {@code -Dbench.threads=}.
 */
@PropuskIntegrationTest
class ApiBenchmark {

  static final String PASSWORD = "тёплый-ветер-с-юга-11";
  static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
  static final int THREADS = Integer.getInteger("bench.threads", 4);

  @LocalServerPort int port;

  @Test
  void measuresSignInAndRegistrationStart() throws Exception {
    // one account per client thread, as many citizens signing in at once: parallel attempts on
    // one login beyond the free ones are throttled by design (and would measure the limiter)
    List<String> phones = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      phones.add(TestContacts.phone());
      register(phones.get(t));
    }
    List<String> report = new ArrayList<>();
    report.add("threads=" + THREADS + " seconds per scenario=" + RUN.toSeconds() + " (warm-up " + RUN.toSeconds() / 2 + ")");
    report.add(
        measure(
            "sign-in (POST /api/v1/session)",
            thread -> {
              ApiClient client = new ApiClient(port);
              String phone = phones.get(thread);
              return () -> client.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status();
            },
            200));
    report.add(
        measure(
            "registration start (first GET + POST /api/v1/registrations)",
            thread ->
                () ->
                    new ApiClient(port)
                        .post(
                            "/api/v1/registrations",
                            Map.of("lastName", "Нагрузкин", "firstName", "Тест", "phone", TestContacts.phone(), "acceptTerms", true))
                        .status(),
            201));
    Path out = Path.of("target/benchmarks/api.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
    report.forEach(System.out::println);
  }

  interface Call {
    int status() throws IOException;
  }

  private String measure(String name, IntFunction<Call> perThread, int expected) throws Exception {
    run(perThread, expected, RUN.dividedBy(2)); // warm-up: JIT, connection pools, caches
    List<Long> latencies = run(perThread, expected, RUN);
    Collections.sort(latencies);
    double perSecond = latencies.size() / (double) RUN.toMillis() * 1000;
    return String.format(
        "%-50s %8.1f req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (n=%d)",
        name, perSecond, ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99), latencies.size());
  }

  private List<Long> run(IntFunction<Call> perThread, int expected, Duration duration) throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    List<Future<List<Long>>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      for (int t = 0; t < THREADS; t++) {
        Call call = perThread.apply(t);
        results.add(
            pool.submit(
                () -> {
                  List<Long> latencies = new ArrayList<>();
                  while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    int status = call.status();
                    latencies.add(System.nanoTime() - start);
                    assertThat(status).isEqualTo(expected);
                  }
                  return latencies;
                }));
      }
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> result : results) {
      all.addAll(result.get());
    }
    return all;
  }

  private static double ms(List<Long> sorted, double quantile) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1_000_000.0;
  }

  private void register(String phone) {
    ApiClient citizen = new ApiClient(port);
    DevOutbox outbox = new DevOutbox(port);
    String id =
        citizen.post("/api/v1/registrations", Map.of("lastName", "Нагрузкин", "firstName", "Тест", "phone", phone, "acceptTerms", true))
            .text("id");
    citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", outbox.awaitCode(phone, 1)));
    citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", PASSWORD, "passwordRepeat", PASSWORD));
  }
}
