package org.propusk.operator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.propusk.test.Pages.form;
import static org.propusk.test.Pages.page;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.account.AccountLevel;
import org.propusk.account.Accounts;
import org.propusk.account.Contact;
import org.propusk.account.ContactAlreadyRegistered;
import org.propusk.account.Roles;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.MobilePhone;
import org.propusk.shared.InvalidInput;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.TestOperators;
import org.propusk.test.TestOperators.Operator;
import org.propusk.test.VerifiedProfiles;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Confirmed citizen who lost every contact gets a new one at the desk: the old ones gone and
 * told, every session ended, the password set by recovery with the new contact; refused below
 * Confirmed, for an unproven or taken contact, with nothing changed.
 */
@PropuskIntegrationTest
class ContactReplacementIntegrationTests {

  static final String PASSWORD = "осенний-клён-у-калитки-62";
  static final String NEW_PASSWORD = "тихая-заводь-за-мельницей-38";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired Roles roles;
  @Autowired Accounts accounts;
  @Autowired OperatorConsole console;
  @Autowired ContactProofs proofs;
  @Autowired ContactReplacement replacement;

  @Test
  void theCitizenGetsANewPhoneAtTheDeskAndSetsThePasswordByRecovery() {
    String oldPhone = TestContacts.phone();
    String oldEmail = TestContacts.email();
    ApiClient citizen =
        TestAccounts.addEmail(
            port, clock, TestAccounts.registerByPhone(port, oldPhone, PASSWORD), oldPhone, PASSWORD, oldEmail);
    Map<String, Object> profile = VerifiedProfiles.verify(citizen);
    // the authenticator app was on the lost phone too
    SecondFactorEnrolment.turnAppOn(citizen, clock);
    // after addEmail, which moves the clock past the cooling-off period
    Operator operator = TestOperators.operator(port, roles, clock);
    UUID citizenId = UUID.fromString(citizen.get("/api/v1/me").text("id"));
    console.confirm(operator.accountId(), citizenId, true);

    ApiClient desk = operator.session();
    String snils = ((String) profile.get("snils")).replaceAll("\\D", "");
    String path = "/operator/citizens/" + citizenId + "/contact";
    assertThat(form(desk, "/operator/search", Map.of("by", "snils", "snils", snils)).raw().body()).contains(path);
    assertThat(page(desk, path).raw().body()).contains("id=\"contact-form\"");
    ApiClient.Response bad = form(desk, path, Map.of("contact", "12345"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.raw().body()).contains("id=\"contact-error\"");

    String newPhone = TestContacts.phone();
    ApiClient.Response sent = form(desk, path, Map.of("contact", newPhone));
    assertThat(sent.status()).isEqualTo(302);
    String step = sent.header("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    assertThat(page(desk, step).raw().body()).contains("id=\"code-form\"");
    assertThat(form(desk, step + "/code", Map.of("code", new DevOutbox(port).awaitCode(newPhone, 1))).status()).isEqualTo(302);
    assertThat(page(desk, step).raw().body()).contains("id=\"replace-form\"");
    ApiClient.Response unticked = form(desk, step, Map.of());
    assertThat(unticked.status()).isEqualTo(422);
    assertThat(unticked.raw().body()).contains("id=\"passportMatches-error\"");
    assertThat(citizen.get("/api/v1/me").status()).isEqualTo(200);
    // whoever holds the lost phone began a recovery with it before the visit
    ApiClient holder = new ApiClient(port);
    String lostRecovery = holder.post("/api/v1/recoveries", Map.of("login", oldPhone)).text("id");
    String lostCode = new DevOutbox(port).awaitCode(oldPhone, 2);
    clock.advance(java.time.Duration.ofSeconds(1));

    ApiClient.Response replaced = form(desk, step, Map.of("passportMatches", "true"));
    assertThat(replaced.status()).as(replaced.raw().body()).isEqualTo(302);
    assertThat(page(desk, "/operator").raw().body()).contains("Контакты заменены");

    // the old session is over, the old contacts are gone and told
    assertThat(citizen.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(accounts.findByContact(phone(newPhone))).contains(citizenId);
    assertThat(accounts.findByContact(phone(oldPhone))).isEmpty();
    assertThat(accounts.findByContact(email(oldEmail))).isEmpty();
    DevOutbox outbox = new DevOutbox(port);
    outbox.awaitMessageContaining(oldPhone, "заменены в центре обслуживания");
    outbox.awaitMessageContaining(oldEmail, "заменены в центре обслуживания");
    assertThat(accounts.find(citizenId).orElseThrow().level().level()).isEqualTo(AccountLevel.CONFIRMED);
    await()
        .atMost(Waits.BACKGROUND)
        .until(() -> holder.post("/api/v1/recoveries/" + lostRecovery + "/confirmation", Map.of("code", lostCode)).status() == 404);

    // the password by recovery through the new phone, with no second factor asked for (the app
    // went with the lost phone); the old login signs in no more
    ApiClient visitor = new ApiClient(port);
    String id = visitor.post("/api/v1/recoveries", Map.of("login", newPhone)).text("id");
    ApiClient.Response confirmed =
        visitor.post("/api/v1/recoveries/" + id + "/confirmation", Map.of("code", new DevOutbox(port).awaitCode(newPhone, 2)));
    assertThat(confirmed.status()).as(confirmed.toString()).isLessThan(300);
    ApiClient.Response newPassword =
        visitor.post("/api/v1/recoveries/" + id + "/password", Map.of("password", NEW_PASSWORD, "passwordRepeat", NEW_PASSWORD));
    assertThat(newPassword.status()).as(newPassword.toString()).isLessThan(300);
    ApiClient signedIn = new ApiClient(port);
    assertThat(signedIn.post("/api/v1/session", Map.of("login", newPhone, "password", NEW_PASSWORD)).status()).isEqualTo(200);
    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", oldPhone, "password", PASSWORD)).status()).isNotEqualTo(200);

    // the history names the centre and the channel, never the number
    await()
        .atMost(Waits.BACKGROUND)
        .untilAsserted(
            () -> assertThat(signedIn.get("/api/v1/me/history").raw().body())
                .contains("action=contact_replaced centre=" + operator.centreCode())
                .contains("channel=phone")
                .contains(operator.centreName())
                .as("the app went with the lost contacts")
                .contains("\"kind\":\"second_factor_off\"")
                .doesNotContain(newPhone.substring(2)));
    assertThat(page(signedIn, "/account/history").raw().body())
        .contains("Оператор центра обслуживания «" + operator.centreName() + "» заменил утраченные контакты по паспорту");
  }

  @Test
  void refusesBelowConfirmedAnUnprovenOrTakenContactAndAnUntickedPassportChangingNothing() {
    Operator operator = TestOperators.operator(port, roles, clock);
    String phone = TestContacts.phone();
    ApiClient standard = TestAccounts.registerByPhone(port, phone, PASSWORD);
    VerifiedProfiles.verify(standard);
    UUID standardId = UUID.fromString(standard.get("/api/v1/me").text("id"));
    String newPhone = TestContacts.phone();
    UUID proof = proofs.start(operator.accountId(), newPhone);

    console.confirm(operator.accountId(), standardId, true);
    // not proven yet
    assertThatThrownBy(() -> replacement.replace(operator.accountId(), standardId, proof, true))
        .isInstanceOf(ContactProofs.NotProven.class);
    proofs.prove(operator.accountId(), proof, new DevOutbox(port).awaitCode(newPhone, 1));
    assertThatThrownBy(() -> replacement.replace(operator.accountId(), standardId, proof, false))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting("field").containsOnly("passportMatches"));

    // another account's phone
    String takenPhone = TestContacts.phone();
    TestAccounts.registerByPhone(port, takenPhone, PASSWORD);
    UUID taken = proofs.start(operator.accountId(), takenPhone);
    proofs.prove(operator.accountId(), taken, new DevOutbox(port).awaitCode(takenPhone, 2));
    assertThatThrownBy(() -> replacement.replace(operator.accountId(), standardId, taken, true))
        .isInstanceOf(ContactAlreadyRegistered.class);

    // below Confirmed: recovery online or confirmation first, over the page too
    ApiClient simplified = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    UUID simplifiedId = UUID.fromString(simplified.get("/api/v1/me").text("id"));
    assertThatThrownBy(() -> replacement.replace(operator.accountId(), simplifiedId, proof, true))
        .isInstanceOf(ContactReplacement.NotConfirmed.class);
    ApiClient.Response refused =
        form(operator.session(), "/operator/citizens/" + simplifiedId + "/contact/" + proof, Map.of("passportMatches", "true"));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.raw().body()).contains("восстановит доступ онлайн или сначала подтвердит личность");

    // nothing changed: the contacts stay, the sessions go on
    assertThat(accounts.findByContact(phone(phone))).contains(standardId);
    assertThat(accounts.findByContact(phone(newPhone))).isEmpty();
    assertThat(standard.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(simplified.get("/api/v1/me").status()).isEqualTo(200);

    // and a proof serves only its operator
    Operator other = TestOperators.operator(port, roles, clock);
    assertThatThrownBy(() -> replacement.replace(other.accountId(), standardId, proof, true))
        .isInstanceOf(ContactProofs.NotFound.class);
    assertThat(accounts.findByContact(phone(newPhone))).isEqualTo(Optional.empty());
  }

  private static Contact phone(String raw) {
    return new Contact.Phone(MobilePhone.parse(raw).value());
  }

  private static Contact email(String raw) {
    return new Contact.Email(EmailAddress.parse(raw).value());
  }
}
