package org.propusk.confirmation.internal.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.propusk.account.Roles;
import org.propusk.test.ApiClient;
import org.propusk.test.LetterBatches;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestAdministrators;
import org.propusk.test.TestContacts;
import org.propusk.test.VerifiedProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The code by registered post over HTTP: who may ask, the right code that confirms, and every
 * refusal (wrong code, spent entries, an expired letter, a fourth letter, a Simplified account, an
 * unverified address), each clear and without a change of level; the limits hold under races.
 */
@PropuskIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PostLetterApiIntegrationTests {

  static final String PASSWORD = "тёплый-ветер-над-полем-3";
  static final String LETTERS = "/api/v1/confirmation/post-letters";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired Roles roles;

  @Test
  void theRightCodeFromThePrintedLetterConfirmsTheAccount(CapturedOutput log) {
    ApiClient citizen = standardCitizenWithAddress();
    ApiClient.Response asked = citizen.post(LETTERS, Map.of());
    assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
    String letter = asked.text("id");
    assertThat(asked.text("state")).isEqualTo("queued");
    assertThat(citizen.post(LETTERS + "/code", Map.of("code", "ACDEF-HJKMN")).text("type")).as("nothing printed yet").endsWith("/post-letter-none");

    byte[] pdf = LetterBatches.download(administrator());
    String page = LetterBatches.pageOf(pdf, letter);
    assertThat(page).contains("Код подтверждения личности", "Кому:", "Код действует до");
    String code = LetterBatches.codeOf(pdf, letter);
    assertThat(state(citizen)).isEqualTo("printed");

    ApiClient.Response entered = citizen.post(LETTERS + "/code", Map.of("code", code.toLowerCase().replace("-", " ")));

    assertThat(entered.status()).as(entered.toString()).isEqualTo(204);
    JsonNode me = citizen.get("/api/v1/me").json();
    assertThat(me.get("level").asString()).isEqualTo("confirmed");
    assertThat(state(citizen)).isEqualTo("used");
    assertThat(citizen.post(LETTERS + "/code", Map.of("code", code)).text("type")).endsWith("/post-letter-confirmed");
    assertThat(citizen.post(LETTERS, Map.of()).text("type")).endsWith("/post-letter-confirmed");
    assertThat(log.getAll()).doesNotContain(code).doesNotContain(code.replace("-", ""));
  }

  @Test
  void aWrongCodeIsRefusedWithTheAttemptsLeftAndFiveSpendTheLetter() {
    ApiClient citizen = standardCitizenWithAddress();
    String letter = citizen.post(LETTERS, Map.of()).text("id");
    String code = LetterBatches.codeOf(LetterBatches.download(administrator()), letter);

    ApiClient.Response wrong = citizen.post(LETTERS + "/code", Map.of("code", "ACDEF-HJKMN".equals(code) ? "ACDEF-HJKMP" : "ACDEF-HJKMN"));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.contentType()).startsWith("application/problem+json");
    assertThat(wrong.text("type")).endsWith("/wrong-post-code");
    assertThat(wrong.json().get("attemptsLeft").asInt()).isEqualTo(4);
    assertThat(wrong.text("detail")).isEqualTo("Неверный код. Осталось попыток:\u00a04.");
    for (Map<String, String> blank : List.of(Map.of("code", ""), Map.<String, String>of(), Map.of("code", " \u00a0"))) {
      ApiClient.Response empty = citizen.post(LETTERS + "/code", blank);
      assertThat(empty.status()).isEqualTo(422);
      assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
    }
    assertThat(citizen.get(LETTERS).json().get("letters").get(0).get("attemptsLeft").asInt()).as("an empty field is no entry").isEqualTo(4);
    for (String typed : new String[] {"x".repeat(500), "\u202eACDEF", "<script>"}) {
      assertThat(citizen.post(LETTERS + "/code", Map.of("code", typed)).text("type")).endsWith("/wrong-post-code");
    }
    ApiClient.Response last = citizen.post(LETTERS + "/code", Map.of("code", "ЯЯЯЯЯ-ЯЯЯЯЯ"));
    assertThat(last.json().get("attemptsLeft").asInt()).isZero();
    assertThat(last.text("detail")).isEqualTo("Неверный код. Попыток не осталось: закажите новое письмо.");
    ApiClient.Response spent = citizen.post(LETTERS + "/code", Map.of("code", code));
    assertThat(spent.status()).as("five entries spend the letter, even for the right code").isEqualTo(410);
    assertThat(spent.text("type")).endsWith("/post-code-spent");
    assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("standard");
  }

  @Test
  void parallelEntriesCountNoMoreThanFive() throws Exception {
    ApiClient citizen = standardCitizenWithAddress();
    String letter = citizen.post(LETTERS, Map.of()).text("id");
    String code = LetterBatches.codeOf(LetterBatches.download(administrator()), letter);
    String wrong = code.startsWith("A") ? "CCCCC-CCCCC" : "AAAAA-AAAAA";

    List<Integer> statuses = together(10, () -> citizen.post(LETTERS + "/code", Map.of("code", wrong)).status());

    assertThat(Collections.frequency(statuses, 422)).isEqualTo(5);
    assertThat(Collections.frequency(statuses, 410)).isEqualTo(5);
    assertThat(citizen.post(LETTERS + "/code", Map.of("code", code)).status()).isEqualTo(410);
    assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("standard");
  }

  @Test
  void aLetterExpiresThirtyDaysAfterPrinting() {
    String phone = TestContacts.phone();
    ApiClient citizen = TestAccounts.registerByPhone(port, phone, PASSWORD);
    VerifiedProfiles.verifyWithAddress(citizen);
    String letter = citizen.post(LETTERS, Map.of()).text("id");
    String code = LetterBatches.codeOf(LetterBatches.download(administrator()), letter);

    clock.advance(Duration.ofDays(30));
    // thirty days outlast any session: the citizen signs in again
    ApiClient later = new ApiClient(port);
    assertThat(later.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isLessThan(300);
    ApiClient.Response expired = later.post(LETTERS + "/code", Map.of("code", code));

    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.text("type")).endsWith("/post-letter-expired");
    assertThat(expired.text("title")).isEqualTo("Срок действия кода истёк. Закажите новое письмо.");
    assertThat(state(later)).isEqualTo("expired");
    assertThat(later.get("/api/v1/me").text("level")).isEqualTo("standard");
  }

  @Test
  void aFourthLetterWithinThirtyDaysIsRefusedAlsoWhenAskedAtOnce() throws Exception {
    ApiClient citizen = standardCitizenWithAddress();

    List<Integer> statuses = together(6, () -> citizen.post(LETTERS, Map.of()).status());

    assertThat(Collections.frequency(statuses, 201)).isEqualTo(3);
    assertThat(Collections.frequency(statuses, 429)).isEqualTo(3);
    ApiClient.Response fourth = citizen.post(LETTERS, Map.of());
    assertThat(fourth.status()).isEqualTo(429);
    assertThat(fourth.text("type")).endsWith("/post-letter-limit");
    assertThat(fourth.header("Retry-After")).isPresent();
    assertThat(citizen.get(LETTERS).json().get("letters").size()).isEqualTo(3);
  }

  @Test
  void aSimplifiedAccountCannotAsk() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);

    ApiClient.Response refused = citizen.post(LETTERS, Map.of());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.text("type")).endsWith("/post-letter-not-standard");
    assertThat(refused.text("title")).startsWith("Сначала нужна стандартная учётная запись");
    assertThat(citizen.post(LETTERS + "/code", Map.of("code", "ACDEF-HJKMN")).status()).isEqualTo(409);
    assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("simplified");
  }

  @Test
  void withoutAVerifiedRegistrationAddressNoLetterIsQueued() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    VerifiedProfiles.verify(citizen);
    JsonNode way = citizen.get(LETTERS).json();
    assertThat(way.get("level").asString()).isEqualTo("standard");
    assertThat(way.get("addressVerified").asBoolean()).isFalse();

    ApiClient.Response refused = citizen.post(LETTERS, Map.of());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.text("type")).endsWith("/post-letter-no-address");
    assertThat(citizen.get(LETTERS).json().get("letters").size()).isZero();
    assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("standard");
  }

  @Test
  void onlyAdministratorsPrintTheBatch() {
    ApiClient citizen = standardCitizenWithAddress();
    assertThat(citizen.download("/admin/post-letters/batch").statusCode()).isEqualTo(403);
  }

  private ApiClient standardCitizenWithAddress() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    VerifiedProfiles.verifyWithAddress(citizen);
    return citizen;
  }

  private ApiClient administrator() {
    return TestAdministrators.administrator(port, roles, clock);
  }

  private static String state(ApiClient citizen) {
    return citizen.get(LETTERS).json().get("letters").get(0).get("state").asString();
  }

  /** Runs the call on {@code n} threads released together by a barrier; their results. */
  private static <T> List<T> together(int n, java.util.concurrent.Callable<T> call) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(n);
    ExecutorService threads = Executors.newFixedThreadPool(n);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            threads.submit(
                () -> {
                  barrier.await();
                  return call.call();
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
