package org.propusk.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Recovery never gets past an account's second factor (turned on over the API, the app's codes
 * computed here): the new password waits for a TOTP or recovery code, or for a code to the
 * account's other contact, which every contact is told about.
 */
@PropuskIntegrationTest
class RecoverySecondFactorIntegrationTests {

  static final String OLD_PASSWORD = "старый-маяк-на-холме-1";
  static final String NEW_PASSWORD = "новая-весна-у-окна-2026";

  @LocalServerPort int port;
  @Autowired MutableClock clock;

  @Test
  void theContactAloneDoesNotSetANewPasswordTheSecondFactorDoes() {
    Account account = account(true, Factor.APP);
    ApiClient citizen = new ApiClient(port);
    String id = confirmedByPhone(citizen, account);

    ApiClient.Response early =
        citizen.post("/api/v1/recoveries/" + id + "/password", Map.of("password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD));
    assertThat(early.status()).isEqualTo(409);
    assertThat(citizen.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(citizen.post("/api/v1/recoveries/" + id + "/second-factor", Map.of("method", "totp", "code", account.app().wrongCode(clock.instant()))).status())
        .isEqualTo(422);

    ApiClient.Response proven =
        citizen.post("/api/v1/recoveries/" + id + "/second-factor", Map.of("method", "totp", "code", account.app().nextCode(clock)));
    assertThat(proven.text("state")).as(proven.toString()).isEqualTo("code_confirmed");
    ApiClient.Response recovered =
        citizen.post("/api/v1/recoveries/" + id + "/password", Map.of("password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD));
    assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
    assertThat(citizen.get("/api/v1/me").text("phone")).isEqualTo(account.phone());
    // no bypass: nobody is told about one
    assertThat(new DevOutbox(port).messagesTo(account.email()).stream().map(m -> m.get("body").asString()))
        .noneMatch(body -> body.contains("второй фактор был обойдён"));
  }

  @Test
  void aSecondFactorTurnedOnWhileTheRecoveryWaitedForItsPasswordIsNeededToo() {
    String phone = TestContacts.phone();
    ApiClient owner = TestAccounts.registerByPhone(port, phone, OLD_PASSWORD);
    ApiClient citizen = new ApiClient(port);
    String id = started(citizen, phone);
    ApiClient.Response confirmed =
        citizen.post("/api/v1/recoveries/" + id + "/confirmation", Map.of("code", new DevOutbox(port).awaitCode(phone, 2)));
    assertThat(confirmed.text("state")).as(confirmed.toString()).isEqualTo("code_confirmed");

    SecondFactorEnrolment.turnAppOn(owner, clock);
    ApiClient.Response password =
        citizen.post("/api/v1/recoveries/" + id + "/password", Map.of("password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD));

    assertThat(password.status()).as(password.toString()).isEqualTo(409);
    assertThat(citizen.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", OLD_PASSWORD)).status())
        .as("the password is unchanged")
        .isEqualTo(202);
  }

  @Test
  void aLostSecondFactorIsReplacedByTheOtherContactAndBothContactsAreTold() {
    Account account = account(true, Factor.APP);
    ApiClient citizen = new ApiClient(port);
    String id = confirmedByPhone(citizen, account);

    ApiClient.Response sent = citizen.post("/api/v1/recoveries/" + id + "/other-contact", Map.of());
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    assertThat(sent.text("channel")).isEqualTo("email");
    String code = new DevOutbox(port).awaitCode(account.email(), 2);
    ApiClient.Response confirmed = citizen.post("/api/v1/recoveries/" + id + "/other-contact/confirmation", Map.of("code", code));
    assertThat(confirmed.text("state")).as(confirmed.toString()).isEqualTo("code_confirmed");
    assertThat(
            citizen.post("/api/v1/recoveries/" + id + "/password", Map.of("password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD))
                .status())
        .isEqualTo(200);

    assertThat(new DevOutbox(port).awaitMessageContaining(account.email(), "второй фактор был обойдён")).contains("почту");
    assertThat(new DevOutbox(port).awaitMessageContaining(account.phone(), "второй фактор обойдён")).isNotEmpty();
    assertThat(citizen.get("/api/v1/me/history").json().valueStream().map(e -> e.get("kind").asString()).toList())
        .contains("second_factor_bypassed");
  }

  @Test
  void withoutTheSecondFactorAndAnotherContactOnlyAServiceCentreCanHelp() {
    // an SMS second factor and recovery by that same phone: the phone does not count twice
    Account account = account(false, Factor.SMS);
    ApiClient citizen = new ApiClient(port);
    String id = started(citizen, account.phone());
    ApiClient.Response confirmed =
        citizen.post("/api/v1/recoveries/" + id + "/confirmation", Map.of("code", new DevOutbox(port).awaitCode(account.phone(), 2)));
    assertThat(confirmed.text("state")).isEqualTo("second_factor");
    assertThat(confirmed.json().get("serviceCentre").asBoolean()).isTrue();
    assertThat(citizen.post("/api/v1/recoveries/" + id + "/other-contact", Map.of()).status()).isEqualTo(409);
    ApiClient.Response bySms = citizen.post("/api/v1/recoveries/" + id + "/second-factor", Map.of("method", "sms", "code", "123456"));
    assertThat(bySms.status()).as(bySms.toString()).isEqualTo(422);
    assertThat(bySms.json().get("errors").get(0).get("field").asString()).as("SMS is the phone, not a second proof").isEqualTo("method");
    assertThat(
            citizen.post("/api/v1/recoveries/" + id + "/password", Map.of("password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD))
                .status())
        .isEqualTo(409);

    ApiClient.Response page =
        citizen.send(citizen.request("/recovery/" + id + "/second-factor").setHeader("Accept", "text/html").GET());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().body()).contains("центр обслуживания");
  }

  private String confirmedByPhone(ApiClient citizen, Account account) {
    String id = started(citizen, account.phone());
    ApiClient.Response confirmed =
        citizen.post("/api/v1/recoveries/" + id + "/confirmation", Map.of("code", new DevOutbox(port).awaitCode(account.phone(), 2)));
    assertThat(confirmed.text("state")).as(confirmed.toString()).isEqualTo("second_factor");
    assertThat(confirmed.text("otherContact")).isNotNull().doesNotContain(account.email());
    return id;
  }

  private String started(ApiClient citizen, String login) {
    ApiClient.Response started = citizen.post("/api/v1/recoveries", Map.of("login", login));
    assertThat(started.status()).isEqualTo(201);
    return started.text("id");
  }

  enum Factor { APP, SMS }

  record Account(UUID id, String phone, String email, SecondFactorEnrolment.App app) {}

  /**
   * A phone account (with an e-mail added through the contact change's cooling-off, when asked)
   * with this second factor turned on over the API.
   */
  private Account account(boolean withEmail, Factor factor) {
    String phone = TestContacts.phone();
    ApiClient owner = TestAccounts.registerByPhone(port, phone, OLD_PASSWORD);
    String email = null;
    if (withEmail) {
      email = TestContacts.email();
      owner = TestAccounts.addEmail(port, clock, owner, phone, OLD_PASSWORD, email);
    }
    UUID id = UUID.fromString(owner.get("/api/v1/me").text("id"));
    SecondFactorEnrolment.App app = null;
    if (factor == Factor.APP) {
      app = SecondFactorEnrolment.turnAppOn(owner, clock);
    } else {
      SecondFactorEnrolment.turnSmsOn(owner);
    }
    return new Account(id, phone, email, app);
  }
}
