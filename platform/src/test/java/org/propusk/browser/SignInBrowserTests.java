package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;

/** The sign-in flow in a real browser: back to the page that asked, through the second factor. */
@PropuskIntegrationTest
class SignInBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "тихий-снег-на-крыше-9";

  @Autowired MutableClock clock;

  @Test
  void aSignedOutVisitLandsOnThePageItWantedAfterSigningIn() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    browser.open("/account/security");
    browser.waitForPath("/login.*");
    screenshots("sign-in");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/account/security");
    assertThat(browser.driver().getTitle()).isEqualTo("Безопасность — Пропуск");
  }

  @Test
  void theSecondFactorPageTakesTheCodeAndGoesOn() {
    String phone = TestContacts.phone();
    ApiClient owner = TestAccounts.registerByPhone(port, phone, PASSWORD);
    SecondFactorEnrolment.App app = SecondFactorEnrolment.turnAppOn(owner, clock);
    SecondFactorEnrolment.turnSmsOn(owner);
    browser.open("/login?return=/account/history&level=standard");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/login/second-factor");
    assertThat(browser.find("#code").getAttribute("autocomplete")).isEqualTo("one-time-code");
    assertThat(browser.find("#code").getAttribute("inputmode")).isEqualTo("numeric");
    screenshots("sign-in-second-factor");

    browser.type("#code", app.wrongCode(clock.instant()));
    browser.submit("main form:not(.resend) button[type=submit]");
    assertThat(browser.errorNextTo("code")).isEqualTo("Неверный код");
    screenshots("sign-in-second-factor-wrong");

    browser.click("a[href*='method=sms']");
    browser.waitForPath("/login/second-factor\\?method=sms");
    browser.submit("form.resend button[type=submit]");
    browser.waitForPath("/login/second-factor\\?method=sms");
    assertThat(browser.text("p.notice")).isEqualTo("Код отправлен по SMS.");
    screenshots("sign-in-second-factor-sms");

    browser.click("a[href*='method=recovery_code']");
    browser.waitForPath("/login/second-factor\\?method=recovery_code");
    browser.type("#code", app.recoveryCodes().getFirst());
    browser.submit("main form:not(.resend) button[type=submit]");
    // a Simplified account asked for Standard: the page that says how to get it, the way back kept
    browser.waitForPath("/login/level.*");
    assertThat(browser.find("#continue").getAttribute("href")).endsWith("/account/history");
    screenshots("sign-in-level");
  }
}
