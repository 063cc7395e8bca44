package org.propusk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * While every turn at the password hashing is taken for longer than {@code
 * propusk.password.argon2.max-wait}, a sign-in is refused as overloaded (503 with {@code
 * Retry-After}) by the API and by the sign-in page alike, and goes through again once a turn is free.
 */
@PropuskIntegrationTest
class PasswordHashingOverloadIntegrationTests {

  static final String PASSWORD = "полночный-маяк-на-утёсе-3";

  @LocalServerPort int port;
  @Autowired HashingGate gate;
  @Autowired MeterRegistry metrics;

  final ExecutorService holders = Executors.newCachedThreadPool();
  final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void freeTheTurns() {
    release.countDown();
    holders.shutdown();
  }

  @Test
  void refusesSignInsAsOverloadedWhileNoTurnComesInTime() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    takeEveryTurn();

    ApiClient.Response api = new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
    assertThat(api.status()).as(api.toString()).isEqualTo(503);
    assertThat(api.contentType()).startsWith("application/problem+json");
    assertThat(api.text("type")).isEqualTo("https://propusk.org/problems/overloaded");
    assertThat(api.header("Retry-After")).contains("3");

    ApiClient.Response page = Pages.form(new ApiClient(port), "/login", Map.of("login", phone, "password", PASSWORD));
    assertThat(page.status()).isEqualTo(503);
    assertThat(page.header("Retry-After")).contains("3");
    assertThat(page.raw().body()).contains("Попробуйте ещё раз через несколько секунд").contains(phone);

    release.countDown();
    await().until(() -> metrics.get("propusk.password.hashing.active").gauge().value() == 0);
    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status())
        .isEqualTo(200);
    assertThat(metrics.get("propusk.password.hashing.wait").tag("outcome", "refused").timer().count()).isGreaterThanOrEqualTo(2);
  }

  /** Holds all of the gate's turns until the test releases them. */
  private void takeEveryTurn() {
    for (int i = 0; i < gate.concurrency(); i++) {
      holders.submit(
          () ->
              gate.run(
                  () -> {
                    try {
                      return release.await(1, java.util.concurrent.TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return false;
                    }
                  }));
    }
    await().until(() -> metrics.get("propusk.password.hashing.active").gauge().value() == gate.concurrency());
  }
}
