package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.account.Accounts;
import org.propusk.account.IdentityProofMethod;
import org.propusk.account.Roles;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.TestOperators;
import org.propusk.test.TestOperators.Operator;
import org.propusk.test.VerifiedProfiles;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Replacing a Confirmed citizen's lost contacts in a real browser: from the card, the new phone
 * proven by the code the citizen reads out, the passport ticked; the citizen then recovers access
 * with the new phone. Every page passes axe-core's WCAG 2.1 AA rules and fits a phone.
 */
@PropuskIntegrationTest
class ContactReplacementBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "тихий-рассвет-над-полем-29";
  static final String NEW_PASSWORD = "зелёный-мост-через-реку-51";

  @Autowired MutableClock clock;
  @Autowired Roles roles;
  @Autowired Accounts accounts;

  @Test
  void theOperatorReplacesTheLostPhoneAndTheCitizenRecoversAccess() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    Map<String, Object> profile = VerifiedProfiles.verify(citizen);
    UUID citizenId = UUID.fromString(citizen.get("/api/v1/me").text("id"));
    accounts.recordIdentityProof(citizenId, IdentityProofMethod.SERVICE_CENTRE, "ЦОУ");
    Operator operator = TestOperators.operator(port, roles, clock);
    String phone = TestContacts.phone();

    signInWithTheApp("/operator", operator.phone(), TestOperators.PASSWORD, operator.app(), clock);
    browser.click("#by-snils");
    browser.type("#snils", (String) profile.get("snils"));
    browser.submit("#search-form button[type=submit]");
    browser.waitForPath("/operator/search");
    assertThat(browser.text("#card-level")).isEqualTo("Подтверждённая");
    browser.click("#contact-replace");
    browser.waitForPath("/operator/citizens/[0-9a-f-]{36}/contact");
    browser.type("#contact", "12345");
    browser.submit("#contact-form button[type=submit]");
    assertThat(browser.errorNextTo("contact")).isNotBlank();
    screenshots("contact-replace-error");
    browser.type("#contact", phone);
    browser.submit("#contact-form button[type=submit]");
    browser.waitForPath("/operator/citizens/[0-9a-f-]{36}/contact/[0-9a-f-]{36}");
    browser.type("#code", outbox.awaitCode(phone, 1));
    browser.submit("#code-form button[type=submit]");
    browser.waitForPath("/operator/citizens/[0-9a-f-]{36}/contact/[0-9a-f-]{36}");
    browser.submit("#replace-form button[type=submit]");
    assertThat(browser.errorNextTo("passportMatches")).isNotBlank();
    screenshots("contact-replace-passport");
    browser.click("#passportMatches");
    browser.submit("#replace-form button[type=submit]");
    browser.waitForPath("/operator");
    assertThat(browser.text("p.notice")).startsWith("Контакты заменены");
    screenshots("contact-replaced");

    recoverWithTheCode(phone, 2, NEW_PASSWORD);
    assertThat(browser.text("[data-testid=level]")).isEqualTo("Подтверждённая");
  }
}
