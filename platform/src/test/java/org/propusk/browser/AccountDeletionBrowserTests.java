package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/** A citizen deletes the account from "Безопасность": the password again, the warning, the end. */
@PropuskIntegrationTest
class AccountDeletionBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "старый-клён-у-пруда-3";

  @Autowired MutableClock clock;

  @Test
  void citizenReadsTheWarningConfirmsAndTheAccountIsGone() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    browser.open("/login");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/(\\?.*)?");

    browser.click("a[href$='/account/security']");
    browser.waitForPath("/account/security");
    assertThat(browser.text("#delete-title")).isEqualTo("Удаление учётной записи");
    screenshots("account-delete-security");

    clock.advance(Duration.ofMinutes(6));
    browser.click("a[href$='/account/delete']");
    browser.waitForPath("/login/confirm\\?return=%2Faccount%2Fdelete");
    screenshots("confirm-password");
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/account/delete");

    assertThat(browser.driver().getTitle()).isEqualTo("Удаление учётной записи — Пропуск");
    assertThat(browser.text("#deletion-warning-title")).isEqualTo("Удаление нельзя отменить");
    assertThat(browser.text("main")).contains("Уровень учётной записи «Упрощённая»", "Журнал событий учётной записи без личных данных");
    screenshots("account-delete-warning");

    browser.submit("#deletion-form button[type=submit]");
    assertThat(browser.driver().getTitle()).startsWith("Ошибка: Удаление учётной записи");
    assertThat(browser.errorNextTo("understood")).isEqualTo("Отметьте, что понимаете: удаление нельзя отменить");
    assertThat(browser.find("#understood").getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status())
        .as("nothing deleted without the tick")
        .isEqualTo(200);

    browser.click("#understood");
    browser.submit("#deletion-form button[type=submit]");
    browser.waitForPath("/account-deleted");
    assertThat(browser.text("h1")).isEqualTo("Учётная запись удалена");
    assertThat(browser.text("[role=status]")).isEqualTo("Учётная запись удалена, все сеансы завершены.");
    assertThat(browser.findAll("a[href$='/profile']")).as("signed out").isEmpty();
    screenshots("account-deleted");

    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status())
        .isEqualTo(401);
    browser.open("/profile");
    browser.waitForPath("/login.*");
  }

  @Test
  void thePagesSpeakEnglishWhenAsked() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    browser.open("/login");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/(\\?.*)?");

    browser.open("/account/delete?lang=en");
    assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("en");
    assertThat(browser.text("h1")).isEqualTo("Delete the account");
    assertThat(browser.text("#deletion-warning-title")).isEqualTo("This cannot be undone");
    screenshots("account-delete-english");
  }
}
