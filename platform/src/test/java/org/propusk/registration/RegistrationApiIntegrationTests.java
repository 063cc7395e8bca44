package org.propusk.registration;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.propusk.test.ApiClient;
import org.propusk.test.Waits;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PropuskIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RegistrationApiIntegrationTests {

  static final String STRONG_PASSWORD = "вечерний-трамвай-к-морю-42";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  /** Lifetimes and waits are checked to the second: only the tests move time here. */
  @BeforeEach
  void stopTheClock() {
    clock.freeze();
  }

  @AfterEach
  void startTheClock() {
    clock.resume();
  }

  ApiClient client() {
    return new ApiClient(port);
  }

  DevOutbox outbox() {
    return new DevOutbox(port);
  }

  static Map<String, Object> byPhone(String phone) {
    return Map.of("lastName", "Иванов", "firstName", "Иван", "phone", phone, "acceptTerms", true);
  }

  static Map<String, Object> byEmail(String email) {
    return Map.of("lastName", "Petrova", "firstName", "Anna", "email", email, "acceptTerms", true);
  }

  @Test
  void registersByPhoneFromCodeToSignedInSimplifiedAccount() {
    ApiClient citizen = client();
    String phone = TestContacts.phone();
    String typed = "8 " + phone.substring(2, 5) + " " + phone.substring(5, 8) + "-" + phone.substring(8, 10) + "-" + phone.substring(10);

    ApiClient.Response started = citizen.post("/api/v1/registrations", byPhone(typed));
    assertThat(started.status()).isEqualTo(201);
    assertThat(started.text("state")).isEqualTo("code_sent");
    assertThat(started.text("channel")).isEqualTo("sms");
    assertThat(started.text("codeExpiresAt")).isNotNull();
    assertThat(started.text("resendAvailableAt")).isNotNull();
    String id = started.text("id");

    String code = outbox().awaitCode(phone, 1);
    ApiClient.Response confirmed = citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", code));
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.text("state")).isEqualTo("contact_confirmed");

    ApiClient.Response opened =
        citizen.post(
            "/api/v1/registrations/" + id + "/password",
            Map.of("password", STRONG_PASSWORD, "passwordRepeat", STRONG_PASSWORD));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    assertThat(opened.text("level")).isEqualTo("simplified");

    ApiClient.Response me = citizen.get("/api/v1/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.text("id")).isEqualTo(opened.text("accountId"));
    assertThat(me.text("phone")).isEqualTo(phone);
    assertThat(me.text("lastName")).isEqualTo("Иванов");
    assertThat(me.text("level")).isEqualTo("simplified");
  }

  @Test
  void writesNoCodeContactOrPasswordToTheLog(CapturedOutput log) {
    String phone = TestContacts.phone();
    ApiClient citizen = client();
    String id = citizen.post("/api/v1/registrations", byPhone(phone)).text("id");
    String code = outbox().awaitCode(phone, 1);
    citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", "000000".equals(code) ? "111111" : "000000"));
    citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", code));
    citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", STRONG_PASSWORD, "passwordRepeat", STRONG_PASSWORD));
    String email = TestContacts.email();
    citizen.post("/api/v1/registrations", byEmail(email));
    String link = outbox().awaitLink(email, 1);

    assertThat(log.getAll())
        .doesNotContain(code)
        .doesNotContain(phone.substring(2))
        .doesNotContain(STRONG_PASSWORD)
        .doesNotContain(email)
        .doesNotContain(link.substring(link.lastIndexOf('/') + 1));
  }

  @Test
  void registersByEmailThroughTheLinkInTheLetter() {
    ApiClient citizen = client();
    String email = TestContacts.email();
    ApiClient.Response started = citizen.post("/api/v1/registrations", byEmail("  " + email + " "));
    assertThat(started.status()).isEqualTo(201);
    assertThat(started.text("channel")).isEqualTo("email");
    String id = started.text("id");

    String path = outbox().awaitLink(email, 1).replaceFirst("https?://[^/]+", "");
    ApiClient.Response opened = openLink(citizen, path);
    assertThat(opened.status()).isEqualTo(302);
    assertThat(opened.header("Location").orElseThrow()).endsWith("/register/" + id + "/password");

    ApiClient.Response account = passwordForm(citizen, id, STRONG_PASSWORD);
    assertThat(account.status()).isEqualTo(302);
    assertThat(account.header("Location").orElseThrow()).endsWith("/?welcome");
    assertThat(citizen.get("/api/v1/me").text("email")).isEqualTo(email);
  }

  @Test
  void aStrangerWhoStartedWithSomeoneElsesAddressStillNeedsTheCodeWhenTheOwnerOpensTheLink() {
    ApiClient stranger = client();
    String email = TestContacts.email();
    String id = stranger.post("/api/v1/registrations", byEmail(email)).text("id");
    String path = outbox().awaitLink(email, 1).replaceFirst("https?://[^/]+", "");
    assertThat(outbox().awaitMessageContaining(email, "/register/email/"))
        .contains("Если вы не регистрировались, просто проигнорируйте это письмо")
        .contains("без него никто не сможет создать учётную запись");

    ApiClient owner = client(); // the owner's browser (or a mail scanner) opens the link
    assertThat(openLink(owner, path).header("Location").orElseThrow()).endsWith("/register/" + id + "/password");

    assertThat(stranger.get("/api/v1/registrations/" + id).text("state")).isEqualTo("code_sent");
    ApiClient.Response api =
        stranger.post(
            "/api/v1/registrations/" + id + "/password",
            Map.of("password", STRONG_PASSWORD, "passwordRepeat", STRONG_PASSWORD));
    assertThat(api.status()).as(api.toString()).isEqualTo(409);
    assertThat(passwordForm(stranger, id, STRONG_PASSWORD).status()).isEqualTo(409);
    assertThat(jdbc.sql("select count(*) from account where email = :e").param("e", email).query(Integer.class).single())
        .isZero();

    // the browser that opened the link goes on to the password step
    ApiClient.Response page = owner.send(owner.request("/register/" + id + "/password").header("Accept", "text/html").GET());
    assertThat(page.status()).isEqualTo(200);
    assertThat(passwordForm(owner, id, STRONG_PASSWORD).status()).isEqualTo(302);
    assertThat(owner.get("/api/v1/me").text("email")).isEqualTo(email);
  }

  @Test
  void theCodeFromTheLetterStillWorksForWhoeverStartedAfterTheLinkWasOpenedElsewhere() {
    ApiClient citizen = client();
    String email = TestContacts.email();
    String id = citizen.post("/api/v1/registrations", byEmail(email)).text("id");
    String path = outbox().awaitLink(email, 1).replaceFirst("https?://[^/]+", "");
    openLink(client(), path);

    String code = outbox().awaitCode(email, 1);
    ApiClient.Response confirmed = citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", code));
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.text("state")).isEqualTo("contact_confirmed");
    assertThat(
            citizen
                .post("/api/v1/registrations/" + id + "/password", Map.of("password", STRONG_PASSWORD, "passwordRepeat", STRONG_PASSWORD))
                .status())
        .isEqualTo(201);
  }

  @Test
  void theLinkLeadsToThePasswordStepAgainWhenOpenedTwiceButNotAfterTheAccountExists() {
    ApiClient citizen = client();
    String email = TestContacts.email();
    String id = citizen.post("/api/v1/registrations", byEmail(email)).text("id");
    String path = outbox().awaitLink(email, 1).replaceFirst("https?://[^/]+", "");
    // a mail scanner opens it first, then the citizen
    ApiClient scanner = client();
    assertThat(openLink(scanner, path).header("Location").orElseThrow()).endsWith("/register/" + id + "/password");
    assertThat(openLink(citizen, path).header("Location").orElseThrow()).endsWith("/register/" + id + "/password");
    assertThat(passwordForm(citizen, id, STRONG_PASSWORD).status()).isEqualTo(302);
    ApiClient late = client();
    assertThat(openLink(late, path).status()).isIn(404, 410);
  }

  /** Opens the letter's link the way a browser does. */
  private static ApiClient.Response openLink(ApiClient browser, String path) {
    return browser.send(browser.request(path).header("Accept", "text/html").GET());
  }

  /** Submits the password page's form the way a browser does. */
  private static ApiClient.Response passwordForm(ApiClient browser, String id, String password) {
    ApiClient.Csrf csrf = browser.csrf();
    String encoded = java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
    return browser.send(
        browser
            .request("/register/" + id + "/password")
            .header("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(csrf.headerName(), csrf.token())
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("password=" + encoded + "&passwordRepeat=" + encoded)));
  }

  @Test
  void refusesTheLinkAfterTheRegistrationExpired() {
    String email = TestContacts.email();
    client().post("/api/v1/registrations", byEmail(email));
    String path = outbox().awaitLink(email, 1).replaceFirst("https?://[^/]+", "");
    clock.advance(Duration.ofHours(24));
    ApiClient late = client();
    ApiClient.Response answer = late.send(late.request(path).header("Accept", "text/html").GET());
    assertThat(answer.status()).isIn(404, 410);
    assertThat(answer.raw().body()).contains("Начать регистрацию");
  }

  @Test
  void registersByEmailWithTheCodeTypedFromTheLetter() {
    ApiClient citizen = client();
    String email = TestContacts.email();
    String id = citizen.post("/api/v1/registrations", byEmail(email)).text("id");
    String code = outbox().awaitCode(email, 1);
    assertThat(citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", code)).status())
        .isEqualTo(200);
  }

  @Test
  void rejectsEveryInvalidFieldAtOnceWithMessagesNextToThem() {
    ApiClient.Response answer =
        client()
            .post(
                "/api/v1/registrations",
                Map.of("lastName", "Ivanоv", "firstName", "  ", "phone", "8 495 123-45-67", "acceptTerms", false));
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(fields(answer)).containsExactlyInAnyOrder(
        "lastName:mixed_alphabets", "firstName:required", "phone:not_mobile", "acceptTerms:required");
    for (JsonNode error : answer.json().get("errors")) {
      assertThat(error.get("message").asString()).isNotBlank();
    }
  }

  @Test
  void asksForExactlyOneContact() {
    Map<String, Object> none = Map.of("lastName", "Иванов", "firstName", "Иван", "acceptTerms", true);
    assertThat(fields(client().post("/api/v1/registrations", none))).containsExactly("contact:required");
    Map<String, Object> both =
        Map.of("lastName", "Иванов", "firstName", "Иван", "phone", TestContacts.phone(), "email", TestContacts.email(), "acceptTerms", true);
    assertThat(fields(client().post("/api/v1/registrations", both))).containsExactly("contact:one_only");
  }

  @Test
  void answersMessagesInEnglishWhenAsked() {
    ApiClient.Response answer =
        client().inEnglish().post("/api/v1/registrations", Map.of("lastName", "", "firstName", "Иван", "email", "x", "acceptTerms", true));
    assertThat(answer.json().get("errors").get(0).get("message").asString()).isEqualTo("Enter your surname");
  }

  @Test
  void answersMalformedJsonWithAProblemNotAnError() {
    ApiClient.Response answer = client().post("/api/v1/registrations", "{not json");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  @Test
  void refusesChangesWithoutTheCsrfHeader() {
    ApiClient citizen = client();
    ApiClient.Response answer =
        citizen.send(
            citizen
                .request("/api/v1/registrations")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(answer.status()).isEqualTo(403);
  }

  @Test
  void answersAlreadyRegisteredWithTheWayToRecovery() {
    String phone = register(TestContacts.phone());
    ApiClient.Response again = client().post("/api/v1/registrations", byPhone(phone));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.text("recoveryUrl")).isEqualTo("/recovery");
  }

  @Test
  void limitsAlreadyRegisteredProbesPerAddressThoughEachIsAnswered409() {
    List<String> taken = List.of(register(TestContacts.phone()), register(TestContacts.phone()));
    ApiClient prober = client();
    for (int i = 0; i < 20; i++) {
      assertThat(prober.post("/api/v1/registrations", byPhone(taken.get(i % 2))).status()).isEqualTo(409);
    }
    ApiClient.Response limited = prober.post("/api/v1/registrations", byPhone(taken.get(0)));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isPresent();
  }

  @Test
  void admitsNoMoreRegistrationStartsThanTheLimitWhenTheyArriveTogether() throws Exception {
    int burst = 30;
    String address = ApiClient.randomAddress();
    CyclicBarrier together = new CyclicBarrier(burst);
    List<Callable<Integer>> racers = new ArrayList<>();
    for (int i = 0; i < burst; i++) {
      ApiClient racer = new ApiClient(port, address);
      racer.get("/api/v1/me"); // the CSRF cookie first, so that only the starts race
      racers.add(
          () -> {
            together.await();
            return racer.post("/api/v1/registrations", byPhone(TestContacts.phone())).status();
          });
    }
    List<Integer> statuses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(burst)) {
      for (Future<Integer> result : pool.invokeAll(racers)) {
        statuses.add(result.get());
      }
    }
    assertThat(statuses).filteredOn(status -> status == 201).hasSize(20);
    assertThat(statuses).filteredOn(status -> status == 429).hasSize(burst - 20);
  }

  @Test
  void countsThreeWrongCodesThenAsksForANewOne() {
    ApiClient citizen = client();
    String phone = TestContacts.phone();
    String id = citizen.post("/api/v1/registrations", byPhone(phone)).text("id");
    String right = outbox().awaitCode(phone, 1);
    String wrong = right.equals("000000") ? "111111" : "000000";

    ApiClient.Response first = citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", wrong));
    assertThat(first.status()).isEqualTo(422);
    assertThat(first.json().get("attemptsLeft").asInt()).isEqualTo(2);
    assertThat(citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", wrong)).json().get("attemptsLeft").asInt()).isEqualTo(1);
    assertThat(citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", wrong)).json().get("attemptsLeft").asInt()).isEqualTo(0);
    // even the right code is refused now: the code is spent
    assertThat(citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", right)).status()).isEqualTo(410);

    clock.advance(Duration.ofSeconds(61));
    assertThat(citizen.post("/api/v1/registrations/" + id + "/resend", Map.of()).status()).isEqualTo(202);
    String fresh = outbox().awaitCode(phone, 2);
    assertThat(citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", fresh)).status()).isEqualTo(200);
  }

  @Test
  void refusesACodeAfterItsThreeHundredSeconds() {
    ApiClient citizen = client();
    String phone = TestContacts.phone();
    String id = citizen.post("/api/v1/registrations", byPhone(phone)).text("id");
    String code = outbox().awaitCode(phone, 1);
    clock.advance(Duration.ofSeconds(300));
    ApiClient.Response late = citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", code));
    assertThat(late.status()).as(late.toString()).isEqualTo(410);
    assertThat(late.json().get("type").asString()).endsWith("/code-expired");
  }

  @Test
  void acceptsACodeJustBeforeItExpires() {
    ApiClient citizen = client();
    String phone = TestContacts.phone();
    String id = citizen.post("/api/v1/registrations", byPhone(phone)).text("id");
    String code = outbox().awaitCode(phone, 1);
    clock.advance(Duration.ofSeconds(299));
    assertThat(citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", code)).status()).isEqualTo(200);
  }

  @Test
  void refusesAResendBeforeSixtySecondsWithRetryAfter() {
    ApiClient citizen = client();
    String id = citizen.post("/api/v1/registrations", byPhone(TestContacts.phone())).text("id");
    clock.advance(Duration.ofSeconds(20));
    ApiClient.Response early = citizen.post("/api/v1/registrations/" + id + "/resend", Map.of());
    assertThat(early.status()).isEqualTo(429);
    assertThat(early.header("Retry-After")).hasValue("40");
    clock.advance(Duration.ofSeconds(40));
    ApiClient.Response resent = citizen.post("/api/v1/registrations/" + id + "/resend", Map.of());
    assertThat(resent.status()).as(resent.toString()).isEqualTo(202);
    assertThat(resent.text("codeExpiresAt")).isNotNull();
  }

  @Test
  void sendsAtMostFiveCodesPerContactPerHourAcrossRegistrations() {
    String phone = TestContacts.phone();
    ApiClient citizen = client();
    String id = citizen.post("/api/v1/registrations", byPhone(phone)).text("id");
    for (int i = 2; i <= 5; i++) {
      clock.advance(Duration.ofSeconds(61));
      assertThat(citizen.post("/api/v1/registrations/" + id + "/resend", Map.of()).status()).isEqualTo(202);
    }
    clock.advance(Duration.ofSeconds(61));
    ApiClient.Response sixth = citizen.post("/api/v1/registrations/" + id + "/resend", Map.of());
    assertThat(sixth.status()).isEqualTo(429);
    assertThat(sixth.header("Retry-After")).isPresent();
    // a new registration of the same contact does not get around the limit
    assertThat(client().post("/api/v1/registrations", byPhone(phone)).status()).isEqualTo(429);
    clock.advance(Duration.ofHours(1));
    assertThat(client().post("/api/v1/registrations", byPhone(phone)).status()).isEqualTo(201);
  }

  @Test
  void throttlesRegistrationsFromOneClientAddress() {
    String address = ApiClient.randomAddress();
    for (int i = 0; i < 20; i++) {
      assertThat(new ApiClient(port, address).post("/api/v1/registrations", byPhone(TestContacts.phone())).status()).isEqualTo(201);
    }
    ApiClient.Response throttled = new ApiClient(port, address).post("/api/v1/registrations", byPhone(TestContacts.phone()));
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isPresent();
  }

  @Test
  void rejectsPasswordsThatAreShortCommonPersonalOrNotRepeated() {
    ApiClient citizen = client();
    String phone = TestContacts.phone();
    String id = confirmedFlow(citizen, phone);
    assertThat(password(citizen, id, "short1", "short1")).startsWith("password:too_short");
    assertThat(password(citizen, id, "password123", "password123")).contains("password:common");
    assertThat(password(citizen, id, "ivanov" + phone.substring(2), "ivanov" + phone.substring(2))).contains("password:personal_data");
    assertThat(password(citizen, id, "x".repeat(129), "x".repeat(129))).contains("password:too_long");
    for (String russian : List.of("пароль123", "йцукенгшщз", "спартак1922", "Москва123!")) {
      assertThat(password(citizen, id, russian, russian)).as(russian).contains("password:common");
    }
    assertThat(password(citizen, id, "a".repeat(64), "a".repeat(64))).containsExactly("password:too_weak");
    assertThat(password(citizen, id, STRONG_PASSWORD, STRONG_PASSWORD + "!")).containsExactly("passwordRepeat:mismatch");
    assertThat(jdbc.sql("select count(*) from account where phone = :p").param("p", phone).query(Integer.class).single()).isZero();
  }

  @Test
  void scoresPasswordStrengthAsTheCitizenTypes() {
    ApiClient citizen = client();
    String id = confirmedFlow(citizen, TestContacts.phone());
    JsonNode weak = citizen.post("/api/v1/registrations/" + id + "/password-strength", Map.of("password", "qwerty")).json();
    JsonNode strong = citizen.post("/api/v1/registrations/" + id + "/password-strength", Map.of("password", STRONG_PASSWORD)).json();
    assertThat(weak.get("acceptable").asBoolean()).isFalse();
    assertThat(weak.get("problems").get(0).get("message").asString()).isNotBlank();
    assertThat(strong.get("acceptable").asBoolean()).isTrue();
    assertThat(strong.get("score").asInt()).isGreaterThan(weak.get("score").asInt());
    for (String refused : List.of("Москва123!", "a".repeat(64), "gfhjkm2024")) {
      JsonNode meter = citizen.post("/api/v1/registrations/" + id + "/password-strength", Map.of("password", refused)).json();
      assertThat(meter.get("acceptable").asBoolean()).as(refused).isFalse();
      assertThat(meter.get("score").asInt()).as("never green beside a broken rule: " + refused).isLessThan(3);
    }
  }

  @Test
  void refusesThePasswordStepBeforeTheContactIsConfirmed() {
    ApiClient citizen = client();
    String id = citizen.post("/api/v1/registrations", byPhone(TestContacts.phone())).text("id");
    ApiClient.Response early =
        citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", STRONG_PASSWORD, "passwordRepeat", STRONG_PASSWORD));
    assertThat(early.status()).isEqualTo(409);
  }

  @Test
  void opensExactlyOneAccountWhenTwoRegistrationsOfOneContactRace() throws Exception {
    String phone = TestContacts.phone();
    ApiClient first = client();
    ApiClient second = client();
    String firstId = first.post("/api/v1/registrations", byPhone(phone)).text("id");
    String firstCode = outbox().awaitCode(phone, 1);
    first.post("/api/v1/registrations/" + firstId + "/confirmation", Map.of("code", firstCode));
    clock.advance(Duration.ofSeconds(61));
    String secondId = second.post("/api/v1/registrations", byPhone(phone)).text("id");
    String secondCode = outbox().awaitCode(phone, 2);
    second.post("/api/v1/registrations/" + secondId + "/confirmation", Map.of("code", secondCode));

    Map<String, String> body = Map.of("password", STRONG_PASSWORD, "passwordRepeat", STRONG_PASSWORD);
    List<Callable<Integer>> racers =
        List.of(
            () -> first.post("/api/v1/registrations/" + firstId + "/password", body).status(),
            () -> second.post("/api/v1/registrations/" + secondId + "/password", body).status());
    List<Integer> statuses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      for (Future<Integer> result : pool.invokeAll(racers)) {
        statuses.add(result.get());
      }
    }
    assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    assertThat(jdbc.sql("select count(*) from account where phone = :p").param("p", phone).query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void forgetsAnAbandonedRegistrationOnceItExpires() {
    ApiClient citizen = client();
    String phone = TestContacts.phone();
    String id = citizen.post("/api/v1/registrations", byPhone(phone)).text("id");
    clock.advance(Duration.ofHours(1));
    assertThat(citizen.get("/api/v1/registrations/" + id).status()).isEqualTo(404);
    runCleanUpJobAndAwait(id);
    assertThat(jdbc.sql("select count(*) from account where phone = :p").param("p", phone).query(Integer.class).single()).isZero();
    // the contact is free: a new registration starts normally
    assertThat(client().post("/api/v1/registrations", byPhone(phone)).status()).isEqualTo(201);
  }

  @Autowired Scheduler scheduler;

  /** Runs the recurring clean-up job now instead of in five minutes, and waits for it. */
  private void runCleanUpJobAndAwait(String flowId) {
    scheduler.reschedule(TaskInstanceId.of("delete-finished-registrations", RecurringTask.INSTANCE), Instant.now());
    await()
        .atMost(Waits.BACKGROUND)
        .until(
            () ->
                jdbc.sql("select count(*) from registration_flow where id = :id")
                        .param("id", UUID.fromString(flowId))
                        .query(Integer.class)
                        .single()
                    == 0);
  }

  private String register(String phone) {
    ApiClient citizen = client();
    String id = confirmedFlow(citizen, phone);
    assertThat(citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", STRONG_PASSWORD, "passwordRepeat", STRONG_PASSWORD)).status())
        .isEqualTo(201);
    return phone;
  }

  private String confirmedFlow(ApiClient citizen, String phone) {
    int before = outbox().messagesTo(phone).size();
    String id = citizen.post("/api/v1/registrations", byPhone(phone)).text("id");
    String code = outbox().awaitCode(phone, before + 1);
    assertThat(citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", code)).status()).isEqualTo(200);
    return id;
  }

  private static List<String> password(ApiClient citizen, String id, String password, String repeat) {
    ApiClient.Response answer =
        citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", password, "passwordRepeat", repeat));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
    return fields(answer);
  }

  private static List<String> fields(ApiClient.Response answer) {
    List<String> fields = new ArrayList<>();
    for (JsonNode error : answer.json().get("errors")) {
      fields.add(error.get("field").asString() + ":" + error.get("code").asString());
    }
    return fields;
  }
}
