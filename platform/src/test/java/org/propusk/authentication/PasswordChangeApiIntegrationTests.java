package org.propusk.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.propusk.test.Waits;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Changing the password while signed in, over the JSON API. */
@PropuskIntegrationTest
class PasswordChangeApiIntegrationTests {

  static final String PASSWORD = "тихий-вечер-над-рекой-7";
  static final String NEW_PASSWORD = "звонкий-ручей-у-старой-мельницы-9";

  @LocalServerPort int port;
  @Autowired MutableClock clock;

  @Test
  void changesThePasswordEndsEveryOtherSessionAndTellsTheOwner() {
    String phone = TestContacts.phone();
    ApiClient citizen = register(phone);
    ApiClient otherDevice = new ApiClient(port);
    assertThat(otherDevice.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(200);

    ApiClient.Response changed = change(citizen, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
    assertThat(citizen.get("/api/v1/me").status()).as("this session goes on").isEqualTo(200);
    assertThat(otherDevice.get("/api/v1/me").status()).as("the other session is over").isEqualTo(401);
    assertThat(outbox().awaitMessageContaining(phone, "пароль вашей учётной записи изменён")).isNotEmpty();
    assertThat(signIn(phone, PASSWORD)).isEqualTo(401);
    assertThat(signIn(phone, NEW_PASSWORD)).isEqualTo(200);
    await()
        .atMost(Waits.BACKGROUND)
        .until(() -> kinds(citizen.get("/api/v1/me/history").json()).contains("password_changed"));
  }

  @Test
  void aPasswordChangeDoesNotLengthenTheSessionPastItsAbsoluteTimeout() {
    ApiClient citizen = register(TestContacts.phone());
    clock.advance(Duration.ofHours(6));
    assertThat(change(citizen, PASSWORD, NEW_PASSWORD, NEW_PASSWORD).status()).isEqualTo(204);

    clock.advance(Duration.ofHours(6));

    assertThat(citizen.get("/api/v1/me").status()).as("12 h after the sign-in, whatever changed since").isEqualTo(401);
  }

  @Test
  void refusesAWrongCurrentPasswordAWeakNewOneAndAMismatchEachAtItsField() {
    String phone = TestContacts.phone();
    ApiClient citizen = register(phone);

    ApiClient.Response all = change(citizen, "не-мой-пароль", "Москва123!", "Москва123");
    assertThat(all.status()).isEqualTo(422);
    assertThat(all.contentType()).startsWith("application/problem+json");
    assertThat(fields(all)).containsExactly("currentPassword:wrong", "password:common", "password:too_weak", "passwordRepeat:mismatch");

    assertThat(fields(change(citizen, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!"))).containsExactly("passwordRepeat:mismatch");
    assertThat(fields(change(citizen, PASSWORD, "Kozlova" + phone.substring(5), "Kozlova" + phone.substring(5))))
        .contains("password:personal_data");
    assertThat(fields(change(citizen, PASSWORD, "a".repeat(64), "a".repeat(64)))).containsExactly("password:too_weak");
    assertThat(signIn(phone, PASSWORD)).as("the password is unchanged").isEqualTo(200);
  }

  @Test
  void limitsWrongCurrentPasswords() {
    ApiClient citizen = register(TestContacts.phone());
    for (int i = 0; i < 5; i++) {
      assertThat(change(citizen, "не-мой-пароль-" + i, NEW_PASSWORD, NEW_PASSWORD).status()).isEqualTo(422);
    }

    ApiClient.Response limited = change(citizen, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isPresent();
  }

  @Test
  void ratesTheNewPasswordAgainstTheOwnersDataAndAsksForASignIn() {
    String phone = TestContacts.phone();
    ApiClient citizen = register(phone);

    JsonNode meter = citizen.post("/api/v1/me/password-strength", Map.of("password", "Kozlova" + phone.substring(5))).json();

    assertThat(meter.get("acceptable").asBoolean()).isFalse();
    assertThat(meter.get("score").asInt()).isLessThan(3);
    assertThat(meter.get("problems").get(0).get("code").asString()).isEqualTo("personal_data");
    assertThat(change(new ApiClient(port), PASSWORD, NEW_PASSWORD, NEW_PASSWORD).status()).isEqualTo(401);
  }

  private static ApiClient.Response change(ApiClient citizen, String current, String password, String repeat) {
    return citizen.put(
        "/api/v1/me/password", Map.of("currentPassword", current, "password", password, "passwordRepeat", repeat));
  }

  private static List<String> fields(ApiClient.Response answer) {
    return StreamSupport.stream(answer.json().get("errors").spliterator(), false)
        .map(e -> e.get("field").asString() + ":" + e.get("code").asString())
        .toList();
  }

  private static List<String> kinds(JsonNode history) {
    return StreamSupport.stream(history.spliterator(), false).map(e -> e.get("kind").asString()).toList();
  }

  private int signIn(String login, String password) {
    return new ApiClient(port).post("/api/v1/session", Map.of("login", login, "password", password)).status();
  }

  private DevOutbox outbox() {
    return new DevOutbox(port);
  }

  private ApiClient register(String phone) {
    return TestAccounts.registerByPhone(port, phone, PASSWORD);
  }
}
