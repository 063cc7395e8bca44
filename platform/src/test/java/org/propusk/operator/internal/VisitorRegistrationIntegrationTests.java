package org.propusk.operator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.account.AccountLevel;
import org.propusk.account.Accounts;
import org.propusk.account.Contact;
import org.propusk.account.IdentityProofMethod;
import org.propusk.account.Roles;
import org.propusk.identifiers.MobilePhone;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Problem;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.TestOperators;
import org.propusk.test.TestOperators.Operator;
import org.propusk.test.VerifiedProfiles;
import org.propusk.test.Waits;
import org.propusk.verification.ProfileForm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A visitor registered on the spot: Confirmed once the registry checks verify, the password set by
 * the visitor through recovery; a refusal midway leaves no account.
 */
@PropuskIntegrationTest
class VisitorRegistrationIntegrationTests {

  static final String PASSWORD = "осенний-клён-у-калитки-62";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired Roles roles;
  @Autowired Accounts accounts;
  @Autowired ContactProofs proofs;
  @Autowired VisitorRegistration registration;

  @Test
  void theVisitorIsConfirmedAndSetsThePasswordByRecovery() {
    Operator operator = TestOperators.operator(port, roles, clock);
    String phone = TestContacts.phone();
    UUID proof = provenPhone(operator, phone);

    UUID accountId = registration.register(operator.accountId(), proof, form(VerifiedProfiles.randomCitizen()), true, "10.0.0.7");

    await()
        .atMost(Waits.BACKGROUND)
        .until(() -> accounts.find(accountId).orElseThrow().level().level() == AccountLevel.CONFIRMED);
    assertThat(accounts.find(accountId).orElseThrow().identityProof().method()).isEqualTo(IdentityProofMethod.SERVICE_CENTRE);

    ApiClient visitor = new ApiClient(port);
    String id = visitor.post("/api/v1/recoveries", Map.of("login", phone)).text("id");
    visitor.post("/api/v1/recoveries/" + id + "/confirmation", Map.of("code", new DevOutbox(port).awaitCode(phone, 2)));
    visitor.post("/api/v1/recoveries/" + id + "/password", Map.of("password", PASSWORD, "passwordRepeat", PASSWORD));
    ApiClient signedIn = new ApiClient(port);
    assertThat(signedIn.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(200);
    assertThat(signedIn.get("/api/v1/me").text("level")).isEqualTo("confirmed");
    await()
        .atMost(Waits.BACKGROUND)
        .untilAsserted(
            () -> assertThat(signedIn.get("/api/v1/me/history").json().toString())
                .contains("visitor_registered")
                .contains(operator.centreName()));
  }

  @Test
  void aSnilsOfAnotherAccountLeavesNoAccount() {
    ApiClient holder = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    Map<String, Object> taken = VerifiedProfiles.verify(holder);
    Operator operator = TestOperators.operator(port, roles, clock);
    String phone = TestContacts.phone();
    UUID proof = provenPhone(operator, phone);

    assertThatThrownBy(() -> registration.register(operator.accountId(), proof, form(taken), true, "10.0.0.7"))
        .isInstanceOf(Problem.class);
    assertThat(accounts.findByContact(new Contact.Phone(MobilePhone.parse(phone).value()))).isEmpty();
  }

  @Test
  void refusesAnUnprovenContactAMissingConsentAndBadFieldsWithoutAnAccount() {
    Operator operator = TestOperators.operator(port, roles, clock);
    String phone = TestContacts.phone();
    UUID unproven = proofs.start(operator.accountId(), phone);
    ProfileForm person = form(VerifiedProfiles.randomCitizen());
    assertThatThrownBy(() -> registration.register(operator.accountId(), unproven, person, true, "10.0.0.7"))
        .isInstanceOf(ContactProofs.NotProven.class);

    proofs.prove(operator.accountId(), unproven, new DevOutbox(port).awaitCode(phone, 1));
    assertThatThrownBy(() -> registration.register(operator.accountId(), unproven, person, false, "10.0.0.7"))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting("field").containsOnly("consented"));
    Map<String, Object> bad = VerifiedProfiles.randomCitizen();
    bad.put("snils", "123-456-789 00");
    bad.put("birthDate", "31.02.1990");
    assertThatThrownBy(() -> registration.register(operator.accountId(), unproven, form(bad), true, "10.0.0.7"))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting("field").contains("snils", "birthDate"));

    assertThat(accounts.findByContact(new Contact.Phone(MobilePhone.parse(phone).value()))).isEmpty();
  }

  private UUID provenPhone(Operator operator, String phone) {
    UUID proof = proofs.start(operator.accountId(), phone);
    proofs.prove(operator.accountId(), proof, new DevOutbox(port).awaitCode(phone, 1));
    return proof;
  }

  private static ProfileForm form(Map<String, Object> p) {
    return new ProfileForm(
        s(p, "lastName"), s(p, "firstName"), s(p, "patronymic"), s(p, "gender"), s(p, "birthDate"), s(p, "birthPlace"),
        "RU", s(p, "snils"), s(p, "passportSeries"), s(p, "passportNumber"), s(p, "passportIssuedOn"),
        s(p, "passportIssuer"), s(p, "divisionCode"), null, null, null, null, null);
  }

  private static String s(Map<String, Object> p, String key) {
    return (String) p.get(key);
  }
}
