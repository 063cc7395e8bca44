package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestContacts;

/** A citizen who forgot the password gets back in through the pages. */
@PropuskIntegrationTest
class RecoveryBrowserTests extends BrowserTestSupport {

  static final String OLD_PASSWORD = "старый-добрый-пароль-1";
  static final String NEW_PASSWORD = "новая-весна-у-окна-2026";

  @Test
  void citizenWhoForgotThePasswordSetsANewOneFromTheSignInPage() {
    String phone = TestContacts.phone();
    register(phone);

    browser.open("/login");
    browser.click("a[href$='/recovery']");
    browser.waitForPath("/recovery");
    browser.type("#login", "8" + phone.substring(2));
    browser.submit("main form button[type=submit]");

    browser.waitForPath("/recovery/[0-9a-f-]{36}/confirm");
    assertThat(browser.text(".lead")).contains(phone.substring(phone.length() - 2));
    browser.type("#code", outbox.awaitCode(phone, 2));
    browser.submit("main form button[type=submit]");

    browser.waitForPath("/recovery/[0-9a-f-]{36}/password");
    browser.type("#password", NEW_PASSWORD);
    browser.type("#passwordRepeat", NEW_PASSWORD);
    browser.submit("#password-form button[type=submit]");

    browser.waitForPath("/(\\?.*)?");
    assertThat(browser.text("[role=status]")).isEqualTo("Пароль изменён. Другие сеансы завершены.");
    assertThat(browser.text("[data-testid=level]")).isEqualTo("Упрощённая");
    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", NEW_PASSWORD)).status())
        .isEqualTo(200);
  }

  @Test
  void anUnknownLoginLeadsToTheSameCodePage() {
    browser.open("/recovery");
    browser.type("#login", TestContacts.phone());
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/recovery/[0-9a-f-]{36}/confirm");
    browser.type("#code", "123456");
    browser.submit("main form button[type=submit]");
    assertThat(browser.text("#code-error")).contains("2");
  }

  private void register(String phone) {
    ApiClient citizen = new ApiClient(port);
    String id =
        citizen.post("/api/v1/registrations", Map.of("lastName", "Белова", "firstName", "Вера", "phone", phone, "acceptTerms", true))
            .text("id");
    citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", outbox.awaitCode(phone, 1)));
    assertThat(citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", OLD_PASSWORD, "passwordRepeat", OLD_PASSWORD)).status())
        .isEqualTo(201);
  }
}
