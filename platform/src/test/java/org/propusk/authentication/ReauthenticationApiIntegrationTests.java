package org.propusk.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The password typed again, and what the session says about how the citizen signed in. */
@PropuskIntegrationTest
class ReauthenticationApiIntegrationTests {

  static final String PASSWORD = "тихий-вечер-над-рекой-7";

  @LocalServerPort int port;
  @Autowired MutableClock clock;

  @BeforeEach
  void freeze() {
    clock.freeze();
  }

  @AfterEach
  void resume() {
    clock.resume();
  }

  @Test
  void theSessionTellsHowAndWhenTheCitizenSignedIn() {
    ApiClient citizen = signIn(TestAccounts.registerByPhone(port, PASSWORD));

    ApiClient.Response session = citizen.get("/api/v1/session");

    assertThat(session.status()).isEqualTo(200);
    assertThat(session.json().get("methods").get(0).get("method").asString()).isEqualTo("pwd");
    assertThat(session.json().get("methods").size()).isEqualTo(1);
    assertThat(session.json().get("multiFactor").asBoolean()).isFalse();
    assertThat(session.text("authenticatedAt")).isEqualTo(clock.instant().toString());
    assertThat(new ApiClient(port).get("/api/v1/session").status()).isEqualTo(401);
  }

  @Test
  void thePasswordTypedAgainIsRecordedUnderANewSessionId() {
    ApiClient citizen = signIn(TestAccounts.registerByPhone(port, PASSWORD));
    String before = citizen.cookie("PROPUSK_SESSION").orElseThrow();
    ApiClient.Csrf tokenBefore = citizen.csrf();
    clock.advance(Duration.ofMinutes(30));

    assertThat(reauthenticate(citizen, "не-тот-пароль-1").status()).isEqualTo(422);
    ApiClient.Response confirmed = reauthenticate(citizen, PASSWORD);

    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);
    assertThat(citizen.cookie("PROPUSK_SESSION").orElseThrow()).isNotEqualTo(before);
    ApiClient.Response withOldToken =
        citizen.send(
            citizen.request("/api/v1/session/reauthentication")
                .header("Content-Type", "application/json")
                .header(tokenBefore.headerName(), tokenBefore.token())
                .POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"" + PASSWORD + "\"}")));
    assertThat(withOldToken.status()).as("a CSRF token seen before is worthless after it").isEqualTo(403);
    assertThat(citizen.get("/api/v1/session").text("authenticatedAt")).isEqualTo(clock.instant().toString());
  }

  @Test
  void wrongPasswordsAreLimitedAndNeedASignedInCitizen() {
    ApiClient citizen = signIn(TestAccounts.registerByPhone(port, PASSWORD));
    for (int i = 0; i < 5; i++) {
      ApiClient.Response wrong = reauthenticate(citizen, "не-тот-пароль-" + i);
      assertThat(wrong.status()).isEqualTo(422);
      assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    }

    ApiClient.Response limited = reauthenticate(citizen, PASSWORD);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isPresent();
    assertThat(reauthenticate(new ApiClient(port), PASSWORD).status()).isEqualTo(401);
  }

  private ApiClient signIn(String phone) {
    ApiClient citizen = new ApiClient(port);
    assertThat(citizen.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(200);
    return citizen;
  }

  private static ApiClient.Response reauthenticate(ApiClient client, String password) {
    return client.post("/api/v1/session/reauthentication", Map.of("password", password));
  }
}
