package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;

/** A signed-in citizen changes the password from the home page. */
@PropuskIntegrationTest
class PasswordChangeBrowserTests extends BrowserTestSupport {

  static final String OLD_PASSWORD = "старый-добрый-пароль-1";
  static final String NEW_PASSWORD = "новая-весна-у-окна-2026";

  @Test
  void citizenChangesThePasswordWithErrorsShownNextToTheFields() {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, OLD_PASSWORD);
    signIn(phone);

    browser.click("a[href$='/account/password']");
    browser.waitForPath("/account/password");
    assertThat(browser.text("h1")).isEqualTo("Смена пароля");
    assertThat(browser.focused()).isEqualTo("currentPassword");
    assertThat(browser.text("label[for=currentPassword]")).isEqualTo("Текущий пароль");
    assertThat(browser.text("label[for=password]")).isEqualTo("Новый пароль");

    browser.type("#currentPassword", "не-мой-пароль");
    browser.type("#password", "Москва123!");
    browser.wait(d -> browser.find("#strength-label").getText().isBlank() ? null : Boolean.TRUE, "a strength");
    assertThat(meterValue()).as("a refused password is never shown as strong").isLessThan(3);
    assertThat(browser.text("#strength-problem")).isEqualTo("Этот пароль слишком распространён и есть в списках утёкших паролей");
    browser.type("#passwordRepeat", "Москва123");
    browser.submit("#password-form button[type=submit]");

    assertThat(browser.driver().getTitle()).startsWith("Ошибка: Смена пароля");
    assertThat(browser.errorNextTo("currentPassword")).isEqualTo("Неверный текущий пароль");
    assertThat(browser.errorNextTo("password")).isEqualTo("Этот пароль слишком распространён и есть в списках утёкших паролей");
    assertThat(browser.errorNextTo("passwordRepeat")).isEqualTo("Пароли не совпадают");
    for (String field : new String[] {"currentPassword", "password", "passwordRepeat"}) {
      WebElement input = browser.find("#" + field);
      assertThat(input.getDomAttribute("aria-invalid")).as(field).isEqualTo("true");
      assertThat(input.getDomAttribute("aria-describedby")).as(field).contains(field + "-error");
      assertThat(input.getDomProperty("value")).as("passwords are not sent back: " + field).isEmpty();
    }
    screenshots("password-change-errors");

    browser.type("#currentPassword", OLD_PASSWORD);
    browser.type("#password", NEW_PASSWORD);
    browser.wait(d -> meterValue() >= 3 ? Boolean.TRUE : null, "the meter to show a strong password");
    browser.type("#passwordRepeat", NEW_PASSWORD);
    browser.submit("#password-form button[type=submit]");

    browser.waitForPath("/account/password\\?changed");
    assertThat(browser.text("[role=status]")).startsWith("Пароль изменён.");
    screenshots("password-change-done");
    browser.open("/");
    assertThat(browser.text("[data-testid=level]")).as("still signed in").isEqualTo("Упрощённая");
    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", NEW_PASSWORD)).status())
        .isEqualTo(200);
  }

  @Test
  void thePageSpeaksEnglishWhenAsked() {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, OLD_PASSWORD);
    signIn(phone);

    browser.open("/account/password?lang=en");

    assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("en");
    assertThat(browser.text("h1")).isEqualTo("Change password");
    assertThat(browser.text("label[for=currentPassword]")).isEqualTo("Current password");
    assertThat(browser.text("label[for=passwordRepeat]")).isEqualTo("Repeat the new password");
    screenshots("password-change-english");
    browser.open("/?lang=ru");
  }

  private void signIn(String phone) {
    browser.open("/login");
    browser.type("#login", phone);
    browser.type("#password", OLD_PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/(\\?.*)?");
  }

  private int meterValue() {
    return Double.valueOf(browser.find("#strength-meter").getDomProperty("value")).intValue();
  }
}
