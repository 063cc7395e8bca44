package org.propusk.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.PersonalDataVault;
import org.propusk.shared.TooManyAttempts;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.Totp;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The second factor over the JSON API, with the codes an authenticator app would show computed
 * here from the secret the API hands out, on a frozen clock; the checks that sign-in and recovery
 * make go through {@link SecondFactors}.
 */
@PropuskIntegrationTest
class SecondFactorApiIntegrationTests {

  static final String PASSWORD = "светлый-иней-на-окне-4";
  static final String BASE = "/api/v1/me/second-factor";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired SecondFactors factors;
  @Autowired JdbcClient jdbc;
  @Autowired PersonalDataVault vault;

  String phone;
  ApiClient citizen;
  UUID accountId;

  @BeforeEach
  void signedInCitizen() {
    phone = TestContacts.phone();
    citizen = TestAccounts.registerByPhone(port, phone, PASSWORD);
    accountId = UUID.fromString(citizen.get("/api/v1/me").text("id"));
    clock.freeze();
  }

  @AfterEach
  void timeGoesOn() {
    clock.resume();
  }

  @Test
  void turnsAnAppOnWithItsFirstCodeAndAcceptsEveryCodeOnce() {
    assertThat(citizen.get(BASE).json().get("totp").asBoolean()).isFalse();
    assertThat(factors.methodsOf(accountId)).isEmpty();

    ApiClient.Response started = citizen.post(BASE + "/totp", Map.of());
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String secret = started.text("secret");
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(started.text("otpauthUri"))
        .startsWith("otpauth://totp/Propusk:")
        .contains("secret=" + secret, "issuer=Propusk", "digits=6", "period=30", "algorithm=SHA1")
        .contains("***")
        .doesNotContain(phone.substring(2));
    assertThat(started.text("qrCode")).startsWith("data:image/svg+xml;base64,");
    assertThat(factors.methodsOf(accountId)).as("not on before its first code").isEmpty();

    ApiClient.Response wrong = confirm(Totp.wrongCode(secret, clock.instant()));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(fields(wrong)).containsExactly("code:wrong");

    String first = Totp.code(secret, clock.instant());
    ApiClient.Response confirmed = confirm(first);
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    List<String> codes = texts(confirmed.json().get("recoveryCodes"));
    assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}"));
    JsonNode status = citizen.get(BASE).json();
    assertThat(status.get("totp").asBoolean()).isTrue();
    assertThat(status.get("recoveryCodesLeft").asInt()).isEqualTo(10);
    assertThat(factors.methodsOf(accountId)).containsExactlyInAnyOrder(AuthenticationMethod.TOTP, AuthenticationMethod.RECOVERY_CODE);

    assertThat(refusal(AuthenticationMethod.TOTP, first)).as("the code that turned it on").isEqualTo("code:used");
    clock.advance(Duration.ofSeconds(30));
    String next = Totp.code(secret, clock.instant());
    factors.verify(accountId, AuthenticationMethod.TOTP, next);
    assertThat(refusal(AuthenticationMethod.TOTP, next)).as("replayed").isEqualTo("code:used");
    assertThat(refusal(AuthenticationMethod.TOTP, Totp.code(secret, clock.instant().minusSeconds(30))))
        .as("an older code within the drift, after a newer one").isEqualTo("code:used");
    clock.advance(Duration.ofSeconds(30));
    factors.verify(accountId, AuthenticationMethod.TOTP, Totp.code(secret, clock.instant().plusSeconds(30)));
    assertThat(refusal(AuthenticationMethod.TOTP, Totp.code(secret, clock.instant())))
        .as("the current step after the next one was used")
        .isEqualTo("code:used");

    assertThat(outbox().awaitMessageContaining(phone, "включён вход в два шага")).contains("приложение");
    await().atMost(Waits.BACKGROUND).until(() -> historyKinds().contains("second_factor_on"));
  }

  @Test
  void ofTwoRequestsWithOneCodeExactlyOneIsAccepted() throws Exception {
    String secret = turnAppOn().secret();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        clock.advance(Duration.ofSeconds(30));
        String code = Totp.code(secret, clock.instant());
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          answers.add(
              threads.submit(
                  () -> {
                    together.await();
                    try {
                      factors.verify(accountId, AuthenticationMethod.TOTP, code);
                      return true;
                    } catch (InvalidInput refused) {
                      return false;
                    }
                  }));
        }
        long accepted = 0;
        for (Future<Boolean> answer : answers) {
          accepted += answer.get() ? 1 : 0;
        }
        assertThat(accepted).as("round %d", round).isEqualTo(1);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aRecoveryCodeWorksOnceAndTheOwnerIsTold() {
    List<String> codes = turnAppOn().recoveryCodes();

    factors.verify(accountId, AuthenticationMethod.RECOVERY_CODE, codes.get(3).toLowerCase(Locale.ROOT).replace("-", " "));

    assertThat(refusal(AuthenticationMethod.RECOVERY_CODE, codes.get(3))).isEqualTo("code:wrong");
    assertThat(citizen.get(BASE).json().get("recoveryCodesLeft").asInt()).isEqualTo(9);
    assertThat(refusal(AuthenticationMethod.RECOVERY_CODE, "ABCDE-FGHJK")).isEqualTo("code:wrong");
    assertThat(outbox().awaitMessageContaining(phone, "код восстановления")).contains("осталось 9");
    await().atMost(Waits.BACKGROUND).until(() -> historyKinds().contains("recovery_code_used"));

    ApiClient.Response renewed = citizen.post(BASE + "/recovery-codes", Map.of());
    assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
    List<String> fresh = texts(renewed.json().get("recoveryCodes"));
    assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(codes);
    assertThat(refusal(AuthenticationMethod.RECOVERY_CODE, codes.get(0))).as("the old set is void").isEqualTo("code:wrong");
    factors.verify(accountId, AuthenticationMethod.RECOVERY_CODE, fresh.get(0));
    await().atMost(Waits.BACKGROUND).until(() -> historyKinds().contains("recovery_codes_renewed"));
    assertThat(outbox().awaitMessageContaining(phone, "выданы новые коды восстановления")).contains("старые больше не действуют");
  }

  @Test
  void limitsWrongCodesPerAccountEvenWhenTheRightOneFollows() {
    String secret = citizen.post(BASE + "/totp", Map.of()).text("secret");
    for (int i = 0; i < 10; i++) {
      assertThat(confirm(Totp.wrongCode(secret, clock.instant())).status()).isEqualTo(422);
    }

    ApiClient.Response limited = confirm(Totp.code(secret, clock.instant()));

    assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isPresent();
    assertThatThrownBy(() -> factors.verify(accountId, AuthenticationMethod.TOTP, "123456"))
        .isInstanceOf(TooManyAttempts.class);
    clock.advance(Duration.ofMinutes(16));
    ApiClient.Response reauthenticated = citizen.post("/api/v1/session/reauthentication", Map.of("password", PASSWORD));
    assertThat(reauthenticated.status()).isEqualTo(204);
    String fresh = citizen.post(BASE + "/totp", Map.of()).text("secret");
    assertThat(confirm(Totp.code(fresh, clock.instant())).status()).as("after the lock-out").isEqualTo(200);
  }

  @Test
  void turningOnOrOffNeedsARecentPassword() {
    clock.advance(Duration.ofMinutes(6));

    ApiClient.Response refused = citizen.post(BASE + "/totp", Map.of());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text("type")).endsWith("reauthentication-required");
    assertThat(refused.text("reauthenticate")).isEqualTo("/api/v1/session/reauthentication");
    assertThat(citizen.post(BASE + "/sms", Map.of()).status()).isEqualTo(403);
    assertThat(citizen.post(BASE + "/recovery-codes", Map.of()).status()).isEqualTo(403);

    assertThat(citizen.post("/api/v1/session/reauthentication", Map.of("password", PASSWORD)).status()).isEqualTo(204);
    SecondFactorEnrolment.App app = turnAppOn();
    clock.advance(Duration.ofMinutes(6));
    assertThat(citizen.delete(BASE + "/totp").status()).isEqualTo(403);
    assertThat(factors.methodsOf(accountId)).contains(AuthenticationMethod.TOTP);

    assertThat(citizen.post("/api/v1/session/reauthentication", Map.of("password", PASSWORD)).status()).isEqualTo(204);
    ApiClient.Response passwordOnly = citizen.delete(BASE + "/totp");
    assertThat(passwordOnly.status()).as("the password alone, the app proven 6 minutes ago").isEqualTo(403);
    assertThat(passwordOnly.text("type")).endsWith("second-factor-required");
    assertThat(passwordOnly.text("detail")).contains("войдите снова");
    assertThat(citizen.post(BASE + "/recovery-codes", Map.of()).text("type")).endsWith("second-factor-required");
    assertThat(citizen.post(BASE + "/sms", Map.of()).text("type")).as("adding a factor too").endsWith("second-factor-required");
    assertThat(citizen.post(BASE + "/totp", Map.of()).text("type")).as("replacing the app too").endsWith("second-factor-required");
    assertThat(factors.methodsOf(accountId)).contains(AuthenticationMethod.TOTP);

    clock.advance(Duration.ofSeconds(30));
    citizen = signInWithApp(app.secret());
    assertThat(citizen.delete(BASE + "/totp").status()).isEqualTo(204);
    assertThat(factors.methodsOf(accountId)).isEmpty();
    assertThat(refusal(AuthenticationMethod.RECOVERY_CODE, app.recoveryCodes().get(0))).isEqualTo("method:not_enabled");
    assertThat(outbox().awaitMessageContaining(phone, "отключён вход в два шага")).isNotEmpty();
    await().atMost(Waits.BACKGROUND).until(() -> historyKinds().contains("second_factor_off"));
  }

  @Test
  void keepsTheSecretSealedAndTheRecoveryCodesHashed() {
    SecondFactorEnrolment.App app = turnAppOn();

    String stored =
        jdbc.sql("select * from second_factor_totp where account_id = :id").param("id", accountId).query().listOfRows().toString()
            + jdbc.sql("select * from second_factor_recovery_code where account_id = :id").param("id", accountId).query().listOfRows();

    String sealed =
        jdbc.sql("select secret from second_factor_totp where account_id = :id").param("id", accountId).query(String.class).single();
    assertThat(vault.open("totp-secret:" + accountId, sealed)).as("sealed with the data keys, like SNILS").isEqualTo(app.secret());
    assertThatThrownBy(() -> vault.open("totp-secret", sealed)).as("bound to the account").isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> vault.open("totp-secret:" + UUID.randomUUID(), sealed)).isInstanceOf(IllegalStateException.class);
    assertThat(stored.toUpperCase(Locale.ROOT)).doesNotContain(app.secret(), app.secret().substring(0, 16));
    for (String code : app.recoveryCodes()) {
      assertThat(stored.toUpperCase(Locale.ROOT)).doesNotContain(code, code.replace("-", ""));
    }
  }

  @Test
  void anSmsCodeGoesToTheConfirmedPhoneAndWorksOnce() {
    ApiClient.Response on = citizen.post(BASE + "/sms", Map.of());
    assertThat(on.status()).as(on.toString()).isEqualTo(204);
    assertThat(citizen.get(BASE).json().get("sms").asBoolean()).isTrue();
    assertThat(factors.methodsOf(accountId)).containsExactly(AuthenticationMethod.SMS);
    assertThat(outbox().awaitMessageContaining(phone, "включён вход в два шага")).contains("код в SMS");

    Instant resendAt = factors.sendSmsCode(accountId, Locale.forLanguageTag("ru"));
    assertThat(resendAt).isEqualTo(clock.instant().plusSeconds(60));
    String code = outbox().awaitCodeIn(phone, "код для входа");
    assertThat(refusal(AuthenticationMethod.SMS, code.equals("000000") ? "111111" : "000000")).isEqualTo("code:wrong");
    factors.verify(accountId, AuthenticationMethod.SMS, code);
    assertThat(refusal(AuthenticationMethod.SMS, code)).as("used").isEqualTo("code:spent");
    assertThatThrownBy(() -> factors.sendSmsCode(accountId, Locale.forLanguageTag("ru")))
        .as("a new code only after a minute")
        .isInstanceOf(TooManyAttempts.class);
    assertThat(refusal(AuthenticationMethod.TOTP, "123456")).isEqualTo("method:not_enabled");

    assertThat(citizen.delete(BASE + "/sms").status()).isEqualTo(204);
    assertThat(factors.methodsOf(accountId)).isEmpty();
    assertThat(refusal(AuthenticationMethod.SMS, code)).isEqualTo("method:not_enabled");
  }

  @Test
  void answersProblemsForCallsOutOfOrder() {
    ApiClient.Response noSetup = confirm("123456");
    assertThat(noSetup.status()).isEqualTo(409);
    assertThat(noSetup.contentType()).startsWith("application/problem+json");
    assertThat(noSetup.text("type")).endsWith("second-factor-setup-expired");
    assertThat(citizen.post(BASE + "/recovery-codes", Map.of()).text("type")).endsWith("second-factor-app-off");

    String secret = citizen.post(BASE + "/totp", Map.of()).text("secret");
    clock.advance(Duration.ofMinutes(11));
    assertThat(confirm(Totp.code(secret, clock.instant())).status()).as("a setup expires").isEqualTo(409);
    assertThat(new ApiClient(port).get(BASE).status()).isEqualTo(401);
  }

  @Test
  void wrongCodesAreToldToTheOwnerAtMostOnceAnHour() {
    String secret = turnAppOn().secret();
    String notice = "неверный код входа в два шага";

    assertThat(refusal(AuthenticationMethod.TOTP, Totp.wrongCode(secret, clock.instant()))).isEqualTo("code:wrong");
    assertThat(outbox().awaitMessageContaining(phone, notice)).contains("пароль, похоже, кто-то знает", "смените");
    assertThat(refusal(AuthenticationMethod.RECOVERY_CODE, "ABCDE-FGHJK")).isEqualTo("code:wrong");
    assertThat(refusal(AuthenticationMethod.TOTP, Totp.wrongCode(secret, clock.instant()))).isEqualTo("code:wrong");
    clock.advance(Duration.ofMinutes(59));
    assertThat(refusal(AuthenticationMethod.TOTP, Totp.wrongCode(secret, clock.instant()))).isEqualTo("code:wrong");
    assertThat(messagesContaining(notice)).as("one notice within the hour").isEqualTo(1);

    clock.advance(Duration.ofMinutes(2));
    assertThat(refusal(AuthenticationMethod.TOTP, Totp.wrongCode(secret, clock.instant()))).isEqualTo("code:wrong");
    await().atMost(Waits.BACKGROUND).until(() -> messagesContaining(notice) == 2);
  }

  @Test
  void aRightCodeDoesNotClearTheCountOfTheDay() {
    String secret = turnAppOn().secret();
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < 9; i++) {
        assertThat(refusal(AuthenticationMethod.TOTP, Totp.wrongCode(secret, clock.instant()))).isEqualTo("code:wrong");
      }
      clock.advance(Duration.ofSeconds(30));
      factors.verify(accountId, AuthenticationMethod.TOTP, Totp.code(secret, clock.instant()));
    }
    for (int i = 0; i < 5; i++) {
      assertThat(refusal(AuthenticationMethod.TOTP, Totp.wrongCode(secret, clock.instant()))).isEqualTo("code:wrong");
    }
    clock.advance(Duration.ofSeconds(30));

    assertThatThrownBy(() -> factors.verify(accountId, AuthenticationMethod.TOTP, Totp.code(secret, clock.instant())))
        .as("50 wrong codes in a day, whatever right ones came between")
        .isInstanceOf(TooManyAttempts.class);
    clock.advance(Duration.ofHours(24));
    factors.verify(accountId, AuthenticationMethod.TOTP, Totp.code(secret, clock.instant()));
  }

  @Test
  void strangersWithThePasswordCannotLockTheOwnersBrowserOut() {
    String secret = turnAppOn().secret();
    for (int i = 0; i < 10; i++) {
      assertThat(refusal(AuthenticationMethod.TOTP, Totp.wrongCode(secret, clock.instant()))).isEqualTo("code:wrong");
    }
    clock.advance(Duration.ofSeconds(30));
    assertThatThrownBy(() -> factors.verify(accountId, AuthenticationMethod.TOTP, Totp.code(secret, clock.instant())))
        .as("clients without a device cookie share the account's budget")
        .isInstanceOf(TooManyAttempts.class);

    factors.verify(accountId, AuthenticationMethod.TOTP, Totp.code(secret, clock.instant()), "owners-browser");

    for (int i = 0; i < 10; i++) {
      String wrong = Totp.wrongCode(secret, clock.instant());
      assertThatThrownBy(() -> factors.verify(accountId, AuthenticationMethod.TOTP, wrong, "strangers-browser"))
          .isInstanceOf(InvalidInput.class);
    }
    clock.advance(Duration.ofSeconds(30));
    assertThatThrownBy(
            () -> factors.verify(accountId, AuthenticationMethod.TOTP, Totp.code(secret, clock.instant()), "strangers-browser"))
        .as("each browser has its own budget")
        .isInstanceOf(TooManyAttempts.class);
    factors.verify(accountId, AuthenticationMethod.TOTP, Totp.code(secret, clock.instant()), "owners-browser");
  }

  @Test
  void turningAFactorOnEndsTheOtherSessions() {
    ApiClient before = signInWithPassword();
    assertThat(before.get("/api/v1/me").status()).isEqualTo(200);

    turnAppOn();

    assertThat(before.get("/api/v1/me").status()).as("a session from before the factor").isEqualTo(401);
    assertThat(citizen.get("/api/v1/me").status()).as("the one that turned it on goes on").isEqualTo(200);
    assertThat(citizen.post(BASE + "/recovery-codes", Map.of()).status()).as("with the app just proven").isEqualTo(200);
  }

  @Test
  void turningSmsOnEndsTheOtherSessions() {
    ApiClient before = signInWithPassword();

    assertThat(citizen.post(BASE + "/sms", Map.of()).status()).isEqualTo(204);

    assertThat(before.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(citizen.get("/api/v1/me").status()).isEqualTo(200);
  }

  @Test
  void openingTheSetupPageChangesNothingAndNeedsARecentPassword() {
    String secret = citizen.post(BASE + "/totp", Map.of()).text("secret");

    ApiClient.Response page = page("/account/security/app");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().body()).contains(secret.substring(0, 4) + " " + secret.substring(4, 8));
    assertThat(page("/account/security/app").status()).isEqualTo(200);
    assertThat(confirm(Totp.code(secret, clock.instant())).status()).as("the secret started stays").isEqualTo(200);

    ApiClient other = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    other.post(BASE + "/totp", Map.of());
    clock.advance(Duration.ofMinutes(6));
    ApiClient.Response stale = other.send(other.request("/account/security/app").setHeader("Accept", "text/html").GET());
    assertThat(stale.status()).isEqualTo(302);
    assertThat(stale.header("Location").orElseThrow()).contains("/login/confirm");
  }

  @Test
  void twoFirstSetupsAtOnceNeverFail() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        String owner = TestContacts.phone();
        ApiClient first = TestAccounts.registerByPhone(port, owner, PASSWORD);
        ApiClient second = new ApiClient(port);
        assertThat(second.post("/api/v1/session", Map.of("login", owner, "password", PASSWORD)).status()).isEqualTo(200);
        for (String path : List.of(BASE + "/totp", BASE + "/sms")) {
          first.csrf();
          second.csrf();
          CyclicBarrier together = new CyclicBarrier(2);
          List<Future<Integer>> answers = new ArrayList<>();
          for (ApiClient client : List.of(first, second)) {
            answers.add(
                threads.submit(
                    () -> {
                      together.await();
                      return client.post(path, Map.of()).status();
                    }));
          }
          for (Future<Integer> answer : answers) {
            if (path.endsWith("/totp")) {
              assertThat(answer.get()).as("round %d", round).isEqualTo(201);
            } else {
              // the first one on may end the other's session or ask it for the factor: never a 500
              assertThat(answer.get()).as("round %d, sms", round).isIn(204, 401, 403);
            }
          }
        }
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private SecondFactorEnrolment.App turnAppOn() {
    return SecondFactorEnrolment.turnAppOn(citizen, clock);
  }

  /** A new client signed in with the password and the app's current code. */
  private ApiClient signInWithApp(String secret) {
    ApiClient client = new ApiClient(port);
    ApiClient.Response password = client.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
    assertThat(password.status()).as(password.toString()).isEqualTo(202);
    ApiClient.Response code =
        client.post("/api/v1/session/second-factor", Map.of("method", "totp", "code", Totp.code(secret, clock.instant())));
    assertThat(code.status()).as(code.toString()).isEqualTo(200);
    return client;
  }

  /** A second client of the same citizen, signed in with the password only. */
  private ApiClient signInWithPassword() {
    ApiClient client = new ApiClient(port);
    ApiClient.Response signedIn = client.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
    assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    return client;
  }

  private long messagesContaining(String text) {
    return outbox().messagesTo(phone).stream().filter(m -> m.get("body").asString().contains(text)).count();
  }

  private ApiClient.Response confirm(String code) {
    return citizen.post(BASE + "/totp/confirmation", Map.of("code", code));
  }

  /** How the check refuses the code: the field and code of its violation. */
  private String refusal(AuthenticationMethod method, String code) {
    try {
      factors.verify(accountId, method, code);
    } catch (InvalidInput refused) {
      return refused.violations().getFirst().field() + ":" + refused.violations().getFirst().code();
    }
    throw new AssertionError("accepted " + code);
  }

  private List<String> historyKinds() {
    return texts(citizen.get("/api/v1/me/history").json(), "kind");
  }

  /** A page of the site, as a browser asks for it. */
  private ApiClient.Response page(String path) {
    return citizen.send(citizen.request(path).setHeader("Accept", "text/html").GET());
  }

  private DevOutbox outbox() {
    return new DevOutbox(port);
  }

  private static List<String> fields(ApiClient.Response answer) {
    return StreamSupport.stream(answer.json().get("errors").spliterator(), false)
        .map(e -> e.get("field").asString() + ":" + e.get("code").asString())
        .toList();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(e -> e.get(field).asString()).toList();
  }
}
