package org.propusk.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PropuskIntegrationTest
class RecoveryApiIntegrationTests {

  static final String OLD_PASSWORD = "старый-добрый-пароль-1";
  static final String NEW_PASSWORD = "новая-весна-у-окна-2026";

  @LocalServerPort int port;
  @Autowired MutableClock clock;

  @Test
  void recoversAccessByPhoneAndEndsEveryOtherSession() {
    String phone = TestContacts.phone();
    ApiClient oldDevice = register(phone);
    assertThat(oldDevice.get("/api/v1/me").status()).isEqualTo(200);

    ApiClient citizen = new ApiClient(port);
    ApiClient.Response started = citizen.post("/api/v1/recoveries", Map.of("login", "8" + phone.substring(2)));
    assertThat(started.status()).isEqualTo(201);
    assertThat(started.text("channel")).isEqualTo("sms");
    String id = started.text("id");
    String code = outbox().awaitCode(phone, 2);
    assertThat(citizen.post("/api/v1/recoveries/" + id + "/confirmation", Map.of("code", code)).text("state"))
        .isEqualTo("code_confirmed");
    ApiClient.Response recovered =
        citizen.post("/api/v1/recoveries/" + id + "/password", Map.of("password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD));
    assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);

    assertThat(citizen.get("/api/v1/me").text("phone")).isEqualTo(phone);
    assertThat(oldDevice.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(signIn(phone, OLD_PASSWORD)).isEqualTo(401);
    assertThat(signIn(phone, NEW_PASSWORD)).isEqualTo(200);
    assertThat(outbox().awaitMessageContaining(phone, "пароль вашей учётной записи изменён")).isNotEmpty();
  }

  @Test
  void answersAnUnknownLoginExactlyLikeAKnownOneAndNeverSucceeds() {
    String known = TestContacts.phone();
    register(known);
    String unknown = TestContacts.phone();

    ApiClient.Response forKnown = new ApiClient(port).post("/api/v1/recoveries", Map.of("login", known));
    ApiClient stranger = new ApiClient(port);
    ApiClient.Response forUnknown = stranger.post("/api/v1/recoveries", Map.of("login", unknown));
    assertThat(forUnknown.status()).isEqualTo(forKnown.status());
    assertThat(forUnknown.json().properties().stream().map(Map.Entry::getKey).toList())
        .isEqualTo(forKnown.json().properties().stream().map(Map.Entry::getKey).toList());
    assertThat(forUnknown.text("channel")).isEqualTo(forKnown.text("channel"));

    String id = forUnknown.text("id");
    ApiClient.Response guess = stranger.post("/api/v1/recoveries/" + id + "/confirmation", Map.of("code", "123456"));
    assertThat(guess.status()).isEqualTo(422);
    assertThat(guess.json().get("attemptsLeft").asInt()).isEqualTo(2);
    assertThat(outbox().messagesTo(unknown)).isEmpty();
  }

  @Test
  void refusesTheNewPasswordBeforeTheCode() {
    String phone = TestContacts.phone();
    register(phone);
    ApiClient citizen = new ApiClient(port);
    String id = citizen.post("/api/v1/recoveries", Map.of("login", phone)).text("id");
    assertThat(citizen.post("/api/v1/recoveries/" + id + "/password", Map.of("password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD)).status())
        .isEqualTo(409);
  }

  @Test
  void letsTheOwnerInAgainAfterSignInsWereBlocked() {
    String phone = TestContacts.phone();
    register(phone);
    ApiClient attacker = new ApiClient(port);
    for (int i = 0; i < 10; i++) {
      ApiClient.Response answer = attacker.post("/api/v1/session", Map.of("login", phone, "password", "подбираю-" + i));
      answer.header("Retry-After").ifPresent(wait -> clock.advance(Duration.ofSeconds(Long.parseLong(wait))));
      if (answer.status() == 429) {
        attacker.post("/api/v1/session", Map.of("login", phone, "password", "подбираю-" + i));
      }
    }
    assertThat(signIn(phone, OLD_PASSWORD)).isEqualTo(429);

    ApiClient owner = new ApiClient(port);
    int before = outbox().messagesTo(phone).size();
    String id = owner.post("/api/v1/recoveries", Map.of("login", phone)).text("id");
    String code = outbox().awaitCode(phone, before + 1);
    owner.post("/api/v1/recoveries/" + id + "/confirmation", Map.of("code", code));
    assertThat(owner.post("/api/v1/recoveries/" + id + "/password", Map.of("password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD)).status())
        .isEqualTo(200);
    assertThat(signIn(phone, NEW_PASSWORD)).isEqualTo(200);
  }

  @Test
  void aStrangerCannotUseUpTheOwnersRecoveryCodes() {
    String phone = TestContacts.phone();
    register(phone);
    ApiClient stranger = new ApiClient(port);
    for (int i = 0; i < 5; i++) {
      assertThat(stranger.post("/api/v1/recoveries", Map.of("login", phone)).status()).isEqualTo(201);
    }
    ApiClient.Response limited = stranger.post("/api/v1/recoveries", Map.of("login", phone));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(outbox().awaitCode(phone, 6)).isNotEmpty();

    ApiClient owner = new ApiClient(port);
    String id = owner.post("/api/v1/recoveries", Map.of("login", phone)).text("id");
    String code = outbox().awaitCode(phone, 7);
    assertThat(owner.post("/api/v1/recoveries/" + id + "/confirmation", Map.of("code", code)).text("state"))
        .isEqualTo("code_confirmed");
  }

  @Test
  void rejectsALoginThatIsNeitherPhoneNorEmailNorSnils() {
    ApiClient.Response answer = new ApiClient(port).post("/api/v1/recoveries", Map.of("login", "не логин"));
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("login");
  }

  private int signIn(String login, String password) {
    return new ApiClient(port).post("/api/v1/session", Map.of("login", login, "password", password)).status();
  }

  private DevOutbox outbox() {
    return new DevOutbox(port);
  }

  private ApiClient register(String phone) {
    ApiClient citizen = new ApiClient(port);
    String id =
        citizen.post("/api/v1/registrations", Map.of("lastName", "Орлов", "firstName", "Глеб", "phone", phone, "acceptTerms", true))
            .text("id");
    String code = outbox().awaitCode(phone, 1);
    citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", code));
    assertThat(citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", OLD_PASSWORD, "passwordRepeat", OLD_PASSWORD)).status())
        .isEqualTo(201);
    return citizen;
  }
}
