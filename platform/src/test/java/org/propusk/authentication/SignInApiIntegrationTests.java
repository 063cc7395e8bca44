package org.propusk.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PropuskIntegrationTest
class SignInApiIntegrationTests {

  static final String PASSWORD = "тихий-огонёк-над-рекой-7";

  @LocalServerPort int port;
  @Autowired MutableClock clock;

  @Test
  void signsInWithThePhoneTypedInAnyAcceptedFormat() {
    String phone = registerByPhone();
    String digits = phone.substring(2);
    for (String typed :
        new String[] {
          phone, "8" + digits, digits, "+7 (" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6, 8) + "-" + digits.substring(8)
        }) {
      ApiClient citizen = new ApiClient(port);
      ApiClient.Response answer = citizen.post("/api/v1/session", Map.of("login", typed, "password", PASSWORD));
      assertThat(answer.status()).as(typed).isEqualTo(200);
      assertThat(answer.text("level")).isEqualTo("simplified");
      assertThat(citizen.get("/api/v1/me").text("phone")).isEqualTo(phone);
    }
  }

  @Test
  void signsInWithTheEmailInAnyCase() {
    String email = registerByEmail();
    ApiClient citizen = new ApiClient(port);
    assertThat(citizen.post("/api/v1/session", Map.of("login", " " + email.toUpperCase() + " ", "password", PASSWORD)).status())
        .isEqualTo(200);
    assertThat(citizen.get("/api/v1/me").text("email")).isEqualTo(email);
  }

  @Test
  void givesOneAnswerForAWrongPasswordAndAnUnknownLogin() {
    String phone = registerByPhone();
    ApiClient.Response wrongPassword = new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", "не-тот-пароль-9"));
    ApiClient.Response unknownLogin = new ApiClient(port).post("/api/v1/session", Map.of("login", TestContacts.phone(), "password", PASSWORD));
    ApiClient.Response garbage = new ApiClient(port).post("/api/v1/session", Map.of("login", "<script>", "password", ""));
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownLogin.status()).isEqualTo(401);
    assertThat(garbage.status()).isEqualTo(401);
    assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
    assertThat(unknownLogin.json().toString().replace("/api/v1/session", ""))
        .isEqualTo(wrongPassword.json().toString().replace("/api/v1/session", ""));
  }

  @Test
  void slowsDownAndThenBlocksRepeatedFailuresUntilTheBlockEnds() {
    String phone = registerByPhone();
    ApiClient attacker = new ApiClient(port);
    Map<String, String> wrong = Map.of("login", phone, "password", "угадываю-пароль");
    for (int i = 0; i < 3; i++) {
      assertThat(attacker.post("/api/v1/session", wrong).status()).isEqualTo(401);
    }
    // each further failure waits twice as long as the one before: 2 s, 4 s, 8 s, ...
    long previousWait = 1;
    for (int failures = 3; failures < 10; failures++) {
      ApiClient.Response early = attacker.post("/api/v1/session", wrong);
      assertThat(early.status()).isEqualTo(429);
      long wait = Long.parseLong(early.header("Retry-After").orElseThrow());
      assertThat(wait).isEqualTo(previousWait * 2);
      previousWait = wait;
      clock.advance(Duration.ofSeconds(wait));
      assertThat(attacker.post("/api/v1/session", wrong).status()).isEqualTo(401);
    }
    // blocked now, even with the right password and from another address
    ApiClient owner = new ApiClient(port);
    ApiClient.Response blocked = owner.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.text("retryAt")).isNotNull();
    assertThat(Long.parseLong(blocked.header("Retry-After").orElseThrow())).isBetween(14 * 60L, 15 * 60L);

    clock.advance(Duration.ofMinutes(15));
    assertThat(owner.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(200);
  }

  @Test
  void checksNoMorePasswordsThanTheLimitWhenGuessesArriveTogether() throws Exception {
    String phone = registerByPhone();
    int burst = 20;
    CyclicBarrier together = new CyclicBarrier(burst);
    List<Callable<Integer>> guesses = new ArrayList<>();
    for (int i = 0; i < burst; i++) {
      ApiClient attacker = new ApiClient(port); // an address of its own
      attacker.get("/api/v1/me"); // the CSRF cookie first, so that only the guesses race
      Map<String, String> guess = Map.of("login", phone, "password", "угадываю-" + i);
      guesses.add(
          () -> {
            together.await();
            return attacker.post("/api/v1/session", guess).status();
          });
    }
    List<Integer> statuses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(burst)) {
      for (Future<Integer> answer : pool.invokeAll(guesses)) {
        statuses.add(answer.get());
      }
    }
    // every 401 is a password checked; at most the lock-out's 10, whatever time the burst takes
    // (3 free, then waits of 2 s, 4 s, ... before the next)
    assertThat(statuses).containsOnly(401, 429);
    assertThat(statuses).filteredOn(status -> status == 401).hasSizeBetween(3, 10);
  }

  @Test
  void keepsTheOwnersBrowserOutOfTheLockOutThatStrangersCause() {
    String phone = registerByPhone();
    ApiClient owner = new ApiClient(port);
    ApiClient.Response first = owner.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.raw().headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("PROPUSK_DEVICE=")
                    .contains("HttpOnly")
                    .contains("SameSite=Lax")
                    .contains("Max-Age=31536000"));
    owner.delete("/api/v1/session");

    lockOut(phone, new ApiClient(port));
    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status())
        .isEqualTo(429);
    // the browser that signed in before has a budget of its own
    assertThat(owner.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(200);
    assertThat(owner.get("/api/v1/me").text("phone")).isEqualTo(phone);
  }

  @Test
  void aDeviceCookieCountsItsOwnFailuresAndServesOnlyItsLogin() {
    String phone = registerByPhone();
    String other = registerByPhone();
    ApiClient owner = new ApiClient(port);
    assertThat(owner.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(200);
    owner.delete("/api/v1/session");

    lockOut(phone, owner); // the owner's own browser typing wrong passwords locks only itself
    assertThat(owner.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(429);
    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status())
        .isEqualTo(200);

    lockOut(other, new ApiClient(port));
    // a device cookie for one login is no pass for another
    assertThat(owner.post("/api/v1/session", Map.of("login", other, "password", PASSWORD)).status()).isEqualTo(429);
  }

  /** Ten wrong passwords, each after the wait the previous answer asked for. */
  private void lockOut(String login, ApiClient client) {
    Map<String, String> wrong = Map.of("login", login, "password", "угадываю-пароль");
    int failures = 0;
    while (failures < 10) {
      ApiClient.Response answer = client.post("/api/v1/session", wrong);
      if (answer.status() == 401) {
        failures++;
      } else {
        assertThat(answer.status()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(Long.parseLong(answer.header("Retry-After").orElseThrow())));
      }
    }
  }

  @Test
  void slowsDownOneClientAddressTryingManyLogins() {
    ApiClient sprayer = new ApiClient(port);
    for (int i = 0; i < 30; i++) {
      assertThat(sprayer.post("/api/v1/session", Map.of("login", TestContacts.phone(), "password", "Summer2026!")).status())
          .isEqualTo(401);
    }
    assertThat(sprayer.post("/api/v1/session", Map.of("login", TestContacts.phone(), "password", "Summer2026!")).status())
        .isEqualTo(429);
  }

  @Test
  void givesANewSessionIdAtSignIn() {
    String phone = registerByPhone();
    ApiClient citizen = new ApiClient(port);
    citizen.post("/api/v1/registrations", Map.of()); // any call that creates an anonymous session
    String before = citizen.cookie("PROPUSK_SESSION").orElse("none");
    citizen.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
    assertThat(citizen.cookie("PROPUSK_SESSION")).isPresent().get().isNotEqualTo(before);
  }

  @Test
  void signsOutAndForgetsTheSession() {
    String phone = registerByPhone();
    ApiClient citizen = new ApiClient(port);
    citizen.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
    assertThat(citizen.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(citizen.delete("/api/v1/session").status()).isEqualTo(204);
    ApiClient.Response me = citizen.get("/api/v1/me");
    assertThat(me.status()).isEqualTo(401);
    assertThat(me.contentType()).startsWith("application/problem+json");
  }

  @Test
  void endsASessionAfterTheAbsoluteTimeoutHoweverActive() {
    String phone = registerByPhone();
    ApiClient citizen = new ApiClient(port);
    citizen.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
    clock.advance(Duration.ofHours(11));
    assertThat(citizen.get("/api/v1/me").status()).isEqualTo(200);
    clock.advance(Duration.ofHours(1));
    assertThat(citizen.get("/api/v1/me").status()).isEqualTo(401);
  }

  private String registerByPhone() {
    String phone = TestContacts.phone();
    register(Map.of("lastName", "Смирнова", "firstName", "Ольга", "phone", phone, "acceptTerms", true), phone);
    return phone;
  }

  private String registerByEmail() {
    String email = TestContacts.email();
    register(Map.of("lastName", "Smirnova", "firstName", "Olga", "email", email, "acceptTerms", true), email);
    return email;
  }

  private void register(Map<String, Object> start, String contact) {
    ApiClient citizen = new ApiClient(port);
    DevOutbox outbox = new DevOutbox(port);
    int before = outbox.messagesTo(contact).size();
    String id = citizen.post("/api/v1/registrations", start).text("id");
    String code = outbox.awaitCode(contact, before + 1);
    assertThat(citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", code)).status()).isEqualTo(200);
    assertThat(citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", PASSWORD, "passwordRepeat", PASSWORD)).status())
        .isEqualTo(201);
  }
}
