package org.propusk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.Waits;
import org.propusk.test.DevOutbox;
import org.propusk.test.ListenersOnHold;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import tools.jackson.databind.JsonNode;

@PropuskIntegrationTest
class AuditTrailIntegrationTests {

  static final String PASSWORD = "морской-бриз-и-чайки-8";
  static final String NEW_PASSWORD = "сосновый-бор-у-озера-5";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired @Qualifier("applicationTaskExecutor") ThreadPoolTaskExecutor listeners;

  @Test
  void recordsTheAccountsSecurityEventsWithoutPersonalData() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    ApiClient again = new ApiClient(port, "10.20.30.40");
    again.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));

    await().atMost(Waits.BACKGROUND).until(() -> kinds(again).containsAll(List.of("account_opened", "signed_in")));
    JsonNode history = again.get("/api/v1/me/history").json();
    assertThat(history.get(0).get("kind").asString()).isEqualTo("signed_in");
    assertThat(history.get(0).get("clientAddress").asString()).isEqualTo("10.20.30.40");
    assertThat(history.get(0).get("description").asString()).isEqualTo("Вход по паролю");
    assertThat(history.toString()).doesNotContain(phone.substring(2)).doesNotContain(PASSWORD);
  }

  @Test
  void recordsTheTimeOfTheActionNotOfTheListener() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    ApiClient citizen = new ApiClient(port, "10.20.30.41");
    Instant before;
    Instant after;
    try (ListenersOnHold held = ListenersOnHold.hold(listeners)) {
      before = clock.instant();
      assertThat(citizen.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(200);
      after = clock.instant();
      clock.advance(Duration.ofMinutes(1));
    }
    JsonNode signedIn = awaitEntry(citizen, "signed_in");
    assertThat(Instant.parse(signedIn.get("at").asString())).isBetween(before.truncatedTo(ChronoUnit.MICROS), after);
    assertThat(signedIn.get("clientAddress").asString()).isEqualTo("10.20.30.41");
  }

  @Test
  void recordsFailedSignInsSignOutsAndRecoveriesWithTheirClientAddresses() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    DevOutbox outbox = new DevOutbox(port);
    assertThat(new ApiClient(port, "10.0.1.1").post("/api/v1/session", Map.of("login", phone, "password", "не-тот-пароль-1")).status())
        .isEqualTo(401);
    ApiClient leaving = new ApiClient(port, "10.0.1.2");
    assertThat(leaving.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(200);
    assertThat(leaving.delete("/api/v1/session").status()).isEqualTo(204);

    ApiClient recovering = new ApiClient(port, "10.0.1.3");
    String id = recovering.post("/api/v1/recoveries", Map.of("login", phone)).text("id");
    recovering.post("/api/v1/recoveries/" + id + "/confirmation", Map.of("code", outbox.awaitCode(phone, 2)));
    assertThat(
            recovering
                .post("/api/v1/recoveries/" + id + "/password", Map.of("password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD))
                .status())
        .isEqualTo(200);

    assertThat(awaitEntry(recovering, "sign_in_failed").get("clientAddress").asString()).isEqualTo("10.0.1.1");
    assertThat(awaitEntry(recovering, "signed_out").get("clientAddress").asString()).isEqualTo("10.0.1.2");
    assertThat(awaitEntry(recovering, "recovery_started").get("clientAddress").asString()).isEqualTo("10.0.1.3");
    assertThat(awaitEntry(recovering, "recovery_completed").get("clientAddress").asString()).isEqualTo("10.0.1.3");
    assertThat(awaitEntry(recovering, "password_changed").get("clientAddress").asString()).isEqualTo("10.0.1.3");
    assertThat(awaitEntry(recovering, "account_opened").get("clientAddress").isNull()).isFalse();
    String history = recovering.get("/api/v1/me/history").json().toString();
    assertThat(history).doesNotContain(phone.substring(2)).doesNotContain(PASSWORD).doesNotContain(NEW_PASSWORD);
  }

  @Test
  void refusesStrangers() {
    assertThat(new ApiClient(port).get("/api/v1/me/history").status()).isEqualTo(401);
  }

  private static JsonNode awaitEntry(ApiClient citizen, String kind) {
    await().atMost(Waits.BACKGROUND).until(() -> kinds(citizen).contains(kind));
    for (JsonNode entry : citizen.get("/api/v1/me/history").json()) {
      if (entry.get("kind").asString().equals(kind)) {
        return entry;
      }
    }
    throw new AssertionError(kind);
  }

  private static List<String> kinds(ApiClient citizen) {
    List<String> kinds = new ArrayList<>();
    citizen.get("/api/v1/me/history").json().forEach(e -> kinds.add(e.get("kind").asString()));
    return kinds;
  }
}
