package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.Totp;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two-step sign-in on "Безопасность" in a real browser: an app set up from the key the page shows
 * (the code computed here, as the app would), the recovery codes shown once, the app turned off
 * after the password is typed again. Every page passes axe-core's WCAG 2.1 AA rules.
 */
@PropuskIntegrationTest
class SecondFactorBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "ясный-полдень-у-реки-5";

  @Autowired MutableClock clock;

  @Test
  void citizenSetsUpAnAppSeesTheRecoveryCodesOnceAndTurnsItOff() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    signIn(phone);

    browser.open("/account/security");
    WebElement app = browser.find("[data-factor=app]");
    assertThat(app.getAttribute("data-on")).isEqualTo("false");
    assertThat(browser.text("[data-factor=sms] .weaker")).contains("слабее приложения", "***");
    accessible("security");
    capture("off");

    browser.submit("#app-set-up");
    browser.waitForPath("/account/security/app");
    assertThat(browser.driver().getTitle()).isEqualTo("Подключение приложения — Пропуск");
    String secret = browser.text("#secret").replace(" ", "");
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(browser.find("img.qr").getAttribute("src")).startsWith("data:image/svg+xml;base64,");
    assertThat(browser.find("img.qr").getAttribute("alt")).isNotBlank();
    accessible("setup");
    capture("setup");
    browser.open("/account/security/app");
    assertThat(browser.text("#secret").replace(" ", "")).as("opening the page again changes nothing").isEqualTo(secret);

    browser.type("#code", "12345");
    browser.submit("main form button[type=submit]");
    assertThat(browser.errorNextTo("code")).isEqualTo("Неверный код");
    assertThat(browser.text("#secret").replace(" ", "")).as("the same key again").isEqualTo(secret);
    accessible("setup with an error");

    browser.type("#code", Totp.code(secret, clock.instant()));
    browser.submit("main form button[type=submit]");
    assertThat(browser.driver().getTitle()).isEqualTo("Коды восстановления — Пропуск");
    List<String> codes = browser.findAll(".recovery-codes li").stream().map(WebElement::getText).toList();
    assertThat(codes).hasSize(10).allMatch(code -> code.matches("[A-Z2-9]{5}-[A-Z2-9]{5}"));
    assertThat(browser.text("main")).contains("показываем их только один раз");
    accessible("recovery codes");
    capture("codes");

    browser.submit("main .actions a.button");
    browser.waitForPath("/account/security");
    assertThat(browser.find("[data-factor=app]").getAttribute("data-on")).isEqualTo("true");
    assertThat(browser.text("#codes-left")).contains("10 из 10");
    assertThat(browser.driver().getPageSource()).doesNotContain(codes.getFirst()).doesNotContain(secret);
    accessible("security with the app on");
    capture("on");

    clock.advance(Duration.ofMinutes(6));
    browser.submit("#app-off");
    browser.waitForPath("/login/confirm\\?return=.*");
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/account/security");
    assertThat(browser.find("[data-factor=app]").getAttribute("data-on")).as("the password alone changes nothing").isEqualTo("true");
    browser.submit("#app-off");
    browser.waitForPath("/account/security\\?refused=second-factor");
    assertThat(browser.text("#second-factor-required")).contains("войдите снова");
    assertThat(browser.find("[data-factor=app]").getAttribute("data-on")).as("nor the password again").isEqualTo("true");
    accessible("security asking for the second factor");

    browser.submit(".site-header form[action$='/logout'] button");
    clock.advance(Duration.ofSeconds(30));
    browser.open("/login");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/login/second-factor.*");
    browser.type("#code", Totp.code(secret, clock.instant()));
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/(\\?.*)?");
    browser.open("/account/security");
    browser.submit("#app-off");
    browser.waitForPath("/account/security\\?changed=app-off");
    assertThat(browser.text("p.notice")).isEqualTo("Приложение отключено, коды восстановления больше не действуют.");
    assertThat(browser.find("[data-factor=app]").getAttribute("data-on")).isEqualTo("false");
  }

  private void signIn(String phone) {
    browser.open("/login");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/(\\?.*)?");
  }

  private void accessible(String page) {
    assertThat(Axe.violations(browser)).as("WCAG 2.1 AA on " + page).isEmpty();
  }

  private void capture(String name) {
    screenshots("second-factor-" + name);
  }
}
