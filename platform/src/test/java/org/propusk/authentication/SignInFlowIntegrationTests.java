package org.propusk.authentication;

import static org.propusk.test.Pages.page;
import static org.propusk.test.Pages.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-in flow: password, the second factor when the account has one (an app and SMS codes
 * turned on over the API, the app's codes computed here), the return address, the level asked for
 * and the maximum age.
 */
@PropuskIntegrationTest
class SignInFlowIntegrationTests {

  static final String PASSWORD = "тихий-огонёк-над-рекой-7";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  @Test
  void aPasswordIsNotEnoughForAnAccountWithASecondFactor() {
    Owner owner = accountWithSecondFactor();
    String phone = owner.phone();
    ApiClient citizen = new ApiClient(port);
    ApiClient.Response password = citizen.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
    assertThat(password.status()).as(password.toString()).isEqualTo(202);
    assertThat(password.text("next")).isEqualTo("second_factor");
    assertThat(password.json().get("methods").valueStream().map(n -> n.asString()).toList())
        .containsExactlyInAnyOrder("totp", "sms", "recovery_code");
    assertThat(citizen.get("/api/v1/me").status()).isEqualTo(401);
    // nothing of a finished sign-in yet: no new-device notice
    assertThat(new DevOutbox(port).messagesTo(phone).stream().map(m -> m.get("body").asString()))
        .noneMatch(body -> body.contains("нового устройства"));

    String before = citizen.cookie("PROPUSK_SESSION").orElseThrow();
    ApiClient.Response done =
        citizen.post("/api/v1/session/second-factor", Map.of("method", "totp", "code", owner.app().nextCode(clock)));
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.text("level")).isEqualTo("simplified");
    assertThat(done.text("accountId")).isNotNull();
    assertThat(citizen.cookie("PROPUSK_SESSION")).get().isNotEqualTo(before);
    assertThat(citizen.get("/api/v1/me").text("phone")).isEqualTo(phone);
    assertThat(new DevOutbox(port).awaitMessageContaining(phone, "нового устройства")).isNotEmpty();
    // the flow is spent: not even a code of a new step gets through it again
    assertThat(citizen.post("/api/v1/session/second-factor", Map.of("method", "totp", "code", owner.app().nextCode(clock))).status())
        .isEqualTo(404);
  }

  @Test
  void anAppCodeSignsInOnceAndAgainItIsRefusedAsUsed() {
    Owner owner = accountWithSecondFactor();
    clock.freeze();
    try {
      String code = owner.app().nextCode(clock);
      ApiClient first = new ApiClient(port);
      assertThat(first.post("/api/v1/session", Map.of("login", owner.phone(), "password", PASSWORD)).status()).isEqualTo(202);
      assertThat(first.post("/api/v1/session/second-factor", Map.of("method", "totp", "code", code)).status()).isEqualTo(200);

      ApiClient second = new ApiClient(port);
      assertThat(second.post("/api/v1/session", Map.of("login", owner.phone(), "password", PASSWORD)).status()).isEqualTo(202);
      ApiClient.Response replayed = second.post("/api/v1/session/second-factor", Map.of("method", "totp", "code", code));

      assertThat(replayed.status()).isEqualTo(422);
      assertThat(replayed.json().get("errors").get(0).get("code").asString()).isEqualTo("used");
      assertThat(second.get("/api/v1/me").status()).isEqualTo(401);
    } finally {
      clock.resume();
    }
  }

  @Test
  void aSignInWaitingForItsSecondFactorSignsNoOneInOnceThePasswordChanged() {
    Owner owner = accountWithSecondFactor();
    ApiClient stranger = new ApiClient(port);
    assertThat(stranger.post("/api/v1/session", Map.of("login", owner.phone(), "password", PASSWORD)).status()).isEqualTo(202);
    clock.advance(Duration.ofSeconds(1));

    String newPassword = "другой-тихий-огонёк-над-рекой-8";
    assertThat(
            owner.session()
                .put("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "password", newPassword, "passwordRepeat", newPassword))
                .status())
        .isEqualTo(204);
    ApiClient.Response late =
        stranger.post("/api/v1/session/second-factor", Map.of("method", "totp", "code", owner.app().nextCode(clock)));

    assertThat(late.status()).as(late.toString()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/me").status()).isEqualTo(401);
  }

  @Test
  void aDeletedAccountTakesItsWaitingSignInsAndItsSecondFactorWithIt() {
    Owner owner = accountWithSecondFactor();
    UUID accountId = UUID.fromString(owner.session().get("/api/v1/me").text("id"));
    ApiClient stranger = new ApiClient(port);
    assertThat(stranger.post("/api/v1/session", Map.of("login", owner.phone(), "password", PASSWORD)).status()).isEqualTo(202);

    assertThat(owner.session().delete("/api/v1/me").status()).isEqualTo(204);
    ApiClient.Response late =
        stranger.post("/api/v1/session/second-factor", Map.of("method", "totp", "code", owner.app().nextCode(clock)));

    assertThat(late.status()).as(late.toString()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/me").status()).isEqualTo(401);
    await()
        .atMost(Waits.BACKGROUND)
        .until(
            () ->
                Stream.of("sign_in_flow", "second_factor_totp", "second_factor_recovery_code", "second_factor_sms")
                    .mapToLong(
                        table ->
                            jdbc.sql("select count(*) from " + table + " where account_id = :id")
                                .param("id", accountId)
                                .query(Long.class)
                                .single())
                    .sum()
                == 0);
  }

  @Test
  void aPasswordOnlyAccountIsSignedInAtOnceAndGoesWhereItWasGoing() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    ApiClient citizen = new ApiClient(port);
    ApiClient.Response answer =
        citizen.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD, "returnTo", "/account/security?tab=1"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("returnTo")).isEqualTo("/account/security?tab=1");
    assertThat(answer.text("requiredLevel")).isNull();
    for (String evil : new String[] {"https://evil.example/", "//evil.example", "/\\evil.example"}) {
      ApiClient.Response ignored =
          new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", PASSWORD, "returnTo", evil));
      assertThat(ignored.status()).isEqualTo(200);
      assertThat(ignored.text("returnTo")).as(evil).isNull();
    }
  }

  @Test
  void wrongCodesAreRefusedNextToTheFieldAndEndTheFlowAfterFive() {
    Owner owner = accountWithSecondFactor();
    String phone = owner.phone();
    ApiClient citizen = new ApiClient(port);
    assertThat(citizen.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(202);
    for (int left = 4; left >= 0; left--) {
      ApiClient.Response wrong =
          citizen.post("/api/v1/session/second-factor", Map.of("method", "totp", "code", owner.app().wrongCode(clock.instant())));
      assertThat(wrong.status()).isEqualTo(422);
      assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
      assertThat(wrong.json().get("attemptsLeft").asInt()).isEqualTo(left);
    }
    // over: even the right code needs a new sign-in now
    assertThat(citizen.post("/api/v1/session/second-factor", Map.of("method", "totp", "code", owner.app().nextCode(clock))).status())
        .isEqualTo(404);
    assertThat(citizen.get("/api/v1/me").status()).isEqualTo(401);
    ApiClient history = new ApiClient(port);
    history.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
    assertThat(history.post("/api/v1/session/second-factor", Map.of("method", "recovery_code", "code", owner.app().recoveryCodes().get(0))).status())
        .isEqualTo(200);
    assertThat(history.get("/api/v1/me/history").json().valueStream().map(e -> e.get("kind").asString()).toList())
        .contains("second_factor_failed");
  }

  @Test
  void theSecondFactorStepExpires() {
    Owner owner = accountWithSecondFactor();
    String phone = owner.phone();
    ApiClient citizen = new ApiClient(port);
    clock.freeze();
    try {
      assertThat(citizen.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(202);
      clock.advance(Duration.ofMinutes(5));
      ApiClient.Response late =
          citizen.post("/api/v1/session/second-factor", Map.of("method", "recovery_code", "code", owner.app().recoveryCodes().get(0)));
      assertThat(late.status()).isEqualTo(404);
      assertThat(late.json().get("type").asString()).endsWith("sign-in-flow-not-found");
    } finally {
      clock.resume();
    }
  }

  @Test
  void aFlowBelongsToTheClientThatStartedIt() {
    Owner account = accountWithSecondFactor();
    String phone = account.phone();
    String code = account.app().recoveryCodes().get(0);
    ApiClient owner = new ApiClient(port);
    ApiClient.Response started = owner.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
    String flowId = started.text("flowId");
    ApiClient stranger = new ApiClient(port);
    assertThat(stranger.post("/api/v1/session/second-factor", Map.of("method", "recovery_code", "code", code, "flowId", flowId)).status())
        .isEqualTo(404);
    assertThat(stranger.post("/api/v1/session/second-factor/sms", Map.of("flowId", flowId)).status()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/me").status()).isEqualTo(401);
    // another flow's id in the owner's body is refused too; the owner's own flow still works
    assertThat(owner.post("/api/v1/session/second-factor", Map.of("method", "recovery_code", "code", code, "flowId", UUID.randomUUID().toString())).status())
        .isEqualTo(404);
    assertThat(owner.post("/api/v1/session/second-factor", Map.of("method", "recovery_code", "code", code, "flowId", flowId)).status())
        .isEqualTo(200);
  }

  @Test
  void anSmsCodeIsSentOnRequestAndCompletesTheFlow() {
    String phone = accountWithSecondFactor().phone();
    ApiClient citizen = new ApiClient(port);
    citizen.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
    ApiClient.Response sent = citizen.post("/api/v1/session/second-factor/sms", Map.of());
    assertThat(sent.status()).isEqualTo(202);
    assertThat(sent.text("resendAvailableAt")).isNotNull();
    String code = new DevOutbox(port).awaitCodeIn(phone, "код для входа");
    assertThat(citizen.post("/api/v1/session/second-factor", Map.of("method", "sms", "code", code)).status()).isEqualTo(200);
  }

  @Test
  void thePagesAskForTheSecondFactorAndReturnWhereTheCitizenWasGoing() {
    Owner owner = accountWithSecondFactor();
    String phone = owner.phone();
    ApiClient browser = new ApiClient(port);
    ApiClient.Response password =
        form(browser, "/login", Map.of("login", phone, "password", PASSWORD, "return", "/account/history"));
    assertThat(password.status()).isEqualTo(302);
    assertThat(password.header("Location").orElseThrow()).endsWith("/login/second-factor");
    assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);

    ApiClient.Response page = page(browser, "/login/second-factor");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().body()).contains("autocomplete=\"one-time-code\"").contains("inputmode=\"numeric\"");
    assertThat(page.raw().body()).contains("method=recovery_code");

    ApiClient.Response wrong =
        form(browser, "/login/second-factor", Map.of("method", "totp", "code", owner.app().wrongCode(clock.instant())));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.raw().body()).contains("id=\"code-error\"");

    ApiClient.Response done = form(browser, "/login/second-factor", Map.of("method", "totp", "code", owner.app().nextCode(clock)));
    assertThat(done.status()).isEqualTo(302);
    assertThat(done.header("Location").orElseThrow()).endsWith("/account/history");
    assertThat(browser.get("/api/v1/me").status()).isEqualTo(200);
  }

  @Test
  void anExternalReturnAddressIsIgnored() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    for (String evil : new String[] {"https://evil.example/", "//evil.example", "/\\evil.example"}) {
      ApiClient.Response answer = form(new ApiClient(port), "/login", Map.of("login", phone, "password", PASSWORD, "return", evil));
      assertThat(answer.status()).isEqualTo(302);
      assertThat(answer.header("Location").orElseThrow()).as(evil).doesNotContain("evil").endsWith(":" + port + "/");
    }
  }

  @Test
  void aRecentEnoughSignInGoesStraightOnAndAnOlderOneSignsInAfresh() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    ApiClient browser = new ApiClient(port);
    clock.freeze();
    try {
      browser.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
      clock.advance(Duration.ofSeconds(200));
      ApiClient.Response recent = page(browser, "/login?return=/account/security&max_age=300");
      assertThat(recent.status()).isEqualTo(302);
      assertThat(recent.header("Location").orElseThrow()).endsWith("/account/security");

      clock.advance(Duration.ofSeconds(101));
      ApiClient.Response old = page(browser, "/login?return=/account/security&max_age=300");
      assertThat(old.status()).isEqualTo(200);
      assertThat(old.raw().body()).contains("name=\"max_age\" value=\"300\"").contains("value=\"/account/security\"");
      ApiClient.Response again =
          form(browser, "/login", Map.of("login", phone, "password", PASSWORD, "return", "/account/security", "max_age", "300"));
      assertThat(again.header("Location").orElseThrow()).endsWith("/account/security");
      assertThat(page(browser, "/login?return=/account/security&max_age=300").status()).isEqualTo(302);
      // without max_age the form is shown even while signed in
      assertThat(page(browser, "/login?return=/account/security").status()).isEqualTo(200);
    } finally {
      clock.resume();
    }
  }

  @Test
  void aLevelAboveTheAccountsLeadsToThePageThatExplainsIt() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    ApiClient api = new ApiClient(port);
    ApiClient.Response answer =
        api.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD, "minLevel", "standard", "returnTo", "/account/history"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("requiredLevel")).isEqualTo("standard");
    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", PASSWORD, "minLevel", "gold")).status())
        .isEqualTo(422);

    ApiClient browser = new ApiClient(port);
    ApiClient.Response signedIn =
        form(browser, "/login", Map.of("login", phone, "password", PASSWORD, "return", "/account/history", "level", "standard"));
    String location = signedIn.header("Location").orElseThrow();
    assertThat(location).contains("/login/level?level=standard&return=%2Faccount%2Fhistory");
    ApiClient.Response explained = page(browser, location.substring(location.indexOf("/login/level")));
    assertThat(explained.status()).isEqualTo(200);
    assertThat(explained.raw().body()).contains("href=\"/profile\"").contains("href=\"/account/history\"");
  }

  record Owner(String phone, SecondFactorEnrolment.App app, ApiClient session) {}

  /** A new account with an app (and so recovery codes) and SMS codes turned on over the API. */
  private Owner accountWithSecondFactor() {
    String phone = TestContacts.phone();
    ApiClient owner = TestAccounts.registerByPhone(port, phone, PASSWORD);
    SecondFactorEnrolment.App app = SecondFactorEnrolment.turnAppOn(owner, clock);
    SecondFactorEnrolment.turnSmsOn(owner);
    return new Owner(phone, app, owner);
  }
}
