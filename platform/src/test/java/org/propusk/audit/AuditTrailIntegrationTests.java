package org.propusk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.Waits;
import org.propusk.test.DevOutbox;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestContacts;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PropuskIntegrationTest
class AuditTrailIntegrationTests {

  static final String PASSWORD = "морской-бриз-и-чайки-8";

  @LocalServerPort int port;

  @Test
  void recordsTheAccountsSecurityEventsWithoutPersonalData() {
    String phone = TestContacts.phone();
    ApiClient citizen = new ApiClient(port);
    DevOutbox outbox = new DevOutbox(port);
    String id =
        citizen.post("/api/v1/registrations", Map.of("lastName", "Зайцев", "firstName", "Олег", "phone", phone, "acceptTerms", true))
            .text("id");
    citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", outbox.awaitCode(phone, 1)));
    citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", PASSWORD, "passwordRepeat", PASSWORD));
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
  void refusesStrangers() {
    assertThat(new ApiClient(port).get("/api/v1/me/history").status()).isEqualTo(401);
  }

  private static List<String> kinds(ApiClient citizen) {
    List<String> kinds = new ArrayList<>();
    citizen.get("/api/v1/me/history").json().forEach(e -> kinds.add(e.get("kind").asString()));
    return kinds;
  }
}
