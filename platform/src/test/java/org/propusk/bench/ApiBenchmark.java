package org.propusk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    LoadRun load = new LoadRun(RUN, THREADS);
    List<String> report = new ArrayList<>();
    report.add(load.header());
    report.add(
        load.measure(
            "sign-in (POST /api/v1/session)",
            thread -> {
              ApiClient client = new ApiClient(port);
              String phone = phones.get(thread);
              return () -> client.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status();
            },
            200));
    report.add(
        load.measure(
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
