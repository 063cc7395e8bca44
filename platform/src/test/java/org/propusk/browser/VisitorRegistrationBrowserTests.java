package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.propusk.account.AccountLevel;
import org.propusk.account.Accounts;
import org.propusk.account.Contact;
import org.propusk.account.Roles;
import org.propusk.identifiers.MobilePhone;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestContacts;
import org.propusk.test.TestOperators;
import org.propusk.test.TestOperators.Operator;
import org.propusk.test.VerifiedProfiles;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Registration on the spot in a real browser: the operator proves the visitor's phone with the code
 * the visitor reads out, types the data from the documents, and the account is Confirmed once the
 * registry checks finish; the visitor sets the password by recovery and signs in. Every page passes
 * axe-core's WCAG 2.1 AA rules and fits a phone.
 */
@PropuskIntegrationTest
class VisitorRegistrationBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "тихий-рассвет-над-полем-29";

  @Autowired MutableClock clock;
  @Autowired Roles roles;
  @Autowired Accounts accounts;

  @Test
  void aVisitorRegisteredAtTheDeskIsConfirmedAndSignsIn() {
    Operator operator = TestOperators.operator(port, roles, clock);
    String phone = TestContacts.phone();
    Map<String, Object> person = VerifiedProfiles.randomCitizen();

    browser.open("/operator");
    browser.waitForPath("/login.*");
    browser.type("#login", operator.phone());
    browser.type("#password", TestOperators.PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/login/second-factor");
    browser.type("#code", operator.app().nextCode(clock));
    browser.submit("main form:not(.resend) button[type=submit]");
    browser.waitForPath("/operator");
    browser.click("#visitor-start");
    browser.waitForPath("/operator/visitors/new");
    browser.type("#contact", "12345");
    browser.submit("#contact-form button[type=submit]");
    assertThat(browser.errorNextTo("contact")).isNotBlank();
    screenshots("visitor-contact-error");
    browser.type("#contact", phone);
    browser.submit("#contact-form button[type=submit]");
    browser.waitForPath("/operator/visitors/[0-9a-f-]{36}");
    screenshots("visitor-code");
    browser.type("#code", outbox.awaitCode(phone, 1));
    browser.submit("#code-form button[type=submit]");
    browser.waitForPath("/operator/visitors/[0-9a-f-]{36}");
    for (String field : new String[] {"lastName", "firstName", "patronymic", "birthDate", "birthPlace", "snils",
        "passportSeries", "passportNumber", "passportIssuedOn", "passportIssuer", "divisionCode"}) {
      browser.type("#" + field, (String) person.get(field));
    }
    browser.click("#gender-" + person.get("gender"));
    browser.submit("#visitor-form button[type=submit]");
    assertThat(browser.errorNextTo("consented")).isNotBlank();
    screenshots("visitor-data-error");
    browser.click("#consented");
    browser.submit("#visitor-form button[type=submit]");
    browser.waitForPath("/operator");
    assertThat(browser.text("p.notice")).startsWith("Учётная запись создана.");
    screenshots("visitor-registered");

    var accountId = accounts.findByContact(new Contact.Phone(MobilePhone.parse(phone).value())).orElseThrow();
    await().atMost(Waits.BACKGROUND).until(() -> accounts.find(accountId).orElseThrow().level().level() == AccountLevel.CONFIRMED);

    recoverWithTheCode(phone, 2, PASSWORD);

    browser.reset();
    browser.open("/login");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/(\\?.*)?");
    assertThat(browser.text("[data-testid=level]")).isEqualTo("Подтверждённая");
  }
}
