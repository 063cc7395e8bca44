package org.propusk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestContacts;
import org.springframework.boot.test.web.server.LocalServerPort;

@PropuskIntegrationTest
class ContactChangeApiIntegrationTests {

  static final String PASSWORD = "лёгкий-снег-над-полем-4";

  @LocalServerPort int port;

  @Test
  void changesThePhoneWithThePasswordAndACodeToTheNewNumberAndTellsTheOldOne() {
    String oldPhone = TestContacts.phone();
    ApiClient citizen = register(oldPhone);
    String newPhone = TestContacts.phone();

    ApiClient.Response started =
        citizen.post("/api/v1/me/contact-changes", Map.of("phone", "8" + newPhone.substring(2), "password", PASSWORD));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String id = started.text("id");
    String code = outbox().awaitCode(newPhone, 1);
    assertThat(citizen.post("/api/v1/me/contact-changes/" + id + "/confirmation", Map.of("code", code)).status()).isEqualTo(204);

    assertThat(citizen.get("/api/v1/me").text("phone")).isEqualTo(newPhone);
    assertThat(outbox().awaitMessageContaining(oldPhone, "изменён")).isNotEmpty();
    assertThat(signIn(newPhone)).isEqualTo(200);
    assertThat(signIn(oldPhone)).isEqualTo(401);
  }

  @Test
  void addsAnEmailToAnAccountRegisteredByPhone() {
    ApiClient citizen = register(TestContacts.phone());
    String email = TestContacts.email();
    String id = citizen.post("/api/v1/me/contact-changes", Map.of("email", email, "password", PASSWORD)).text("id");
    citizen.post("/api/v1/me/contact-changes/" + id + "/confirmation", Map.of("code", outbox().awaitCode(email, 1)));
    assertThat(citizen.get("/api/v1/me").text("email")).isEqualTo(email);
    assertThat(signIn(email)).isEqualTo(200);
  }

  @Test
  void asksForThePasswordAndLocksAfterFiveWrongOnes() {
    ApiClient citizen = register(TestContacts.phone());
    Map<String, String> wrong = Map.of("phone", TestContacts.phone(), "password", "не-мой-пароль");
    for (int i = 0; i < 5; i++) {
      ApiClient.Response answer = citizen.post("/api/v1/me/contact-changes", wrong);
      assertThat(answer.status()).isEqualTo(422);
      assertThat(answer.json().get("errors").get(0).get("code").asString()).isEqualTo("wrong");
    }
    ApiClient.Response locked = citizen.post("/api/v1/me/contact-changes", Map.of("phone", TestContacts.phone(), "password", PASSWORD));
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.header("Retry-After")).isPresent();
  }

  @Test
  void refusesAContactOfAnotherAccount() {
    String taken = TestContacts.phone();
    register(taken);
    ApiClient citizen = register(TestContacts.phone());
    assertThat(citizen.post("/api/v1/me/contact-changes", Map.of("phone", taken, "password", PASSWORD)).status()).isEqualTo(409);
  }

  @Test
  void limitsProbesForContactsOfOtherAccountsThoughEachIsAnswered409() {
    String taken = TestContacts.phone();
    register(taken);
    ApiClient prober = register(TestContacts.phone());
    for (int i = 0; i < 10; i++) {
      assertThat(prober.post("/api/v1/me/contact-changes", Map.of("phone", taken, "password", PASSWORD)).status())
          .isEqualTo(409);
    }
    ApiClient.Response limited = prober.post("/api/v1/me/contact-changes", Map.of("phone", taken, "password", PASSWORD));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isPresent();
  }

  @Test
  void countsWrongCodesAndHidesTheChangeFromOtherAccounts() {
    ApiClient citizen = register(TestContacts.phone());
    String newPhone = TestContacts.phone();
    String id = citizen.post("/api/v1/me/contact-changes", Map.of("phone", newPhone, "password", PASSWORD)).text("id");
    String code = outbox().awaitCode(newPhone, 1);
    ApiClient.Response wrong =
        citizen.post("/api/v1/me/contact-changes/" + id + "/confirmation", Map.of("code", "000000".equals(code) ? "111111" : "000000"));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.json().get("attemptsLeft").asInt()).isEqualTo(2);

    ApiClient stranger = register(TestContacts.phone());
    assertThat(stranger.post("/api/v1/me/contact-changes/" + id + "/confirmation", Map.of("code", code)).status()).isEqualTo(404);
    assertThat(new ApiClient(port).post("/api/v1/me/contact-changes/" + id + "/confirmation", Map.of("code", code)).status())
        .isEqualTo(401);
  }

  private int signIn(String login) {
    return new ApiClient(port).post("/api/v1/session", Map.of("login", login, "password", PASSWORD)).status();
  }

  private DevOutbox outbox() {
    return new DevOutbox(port);
  }

  private ApiClient register(String phone) {
    ApiClient citizen = new ApiClient(port);
    String id =
        citizen.post("/api/v1/registrations", Map.of("lastName", "Козлова", "firstName", "Ирина", "phone", phone, "acceptTerms", true))
            .text("id");
    citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", outbox().awaitCode(phone, 1)));
    assertThat(citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", PASSWORD, "passwordRepeat", PASSWORD)).status())
        .isEqualTo(201);
    return citizen;
  }
}
