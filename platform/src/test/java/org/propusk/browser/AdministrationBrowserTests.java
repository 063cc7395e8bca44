package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.account.Roles;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestAdministrators;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admin page in a real browser: an administrator is sent to sign in with the app code and
 * back, grants and revokes the role by phone; an administrator without a second factor sees the
 * page that says to turn it on; a citizen who is not one, the 403 page. Every page passes axe-core's
 * WCAG 2.1 AA rules and fits a phone.
 */
@PropuskIntegrationTest
class AdministrationBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "ясный-полдень-у-реки-5";

  @Autowired MutableClock clock;
  @Autowired Roles roles;

  @Test
  void anAdministratorSignsInWithTheAppAndGrantsAndRevokesTheRole() {
    TestAdministrators.WithApp administrator = TestAdministrators.withApp(port, roles, clock);
    String phone = administrator.phone();
    String other = TestAccounts.registerByPhone(port, PASSWORD);

    signInWithTheApp("/admin", phone, TestAdministrators.PASSWORD, administrator.app(), clock);
    assertThat(browser.driver().getTitle()).isEqualTo("Администрирование — Пропуск");
    assertThat(browser.text("#administrators")).contains(phone, "Это вы");
    screenshots("admin");

    browser.type("#login", "112-233-445 95");
    browser.submit("#grant-form button[type=submit]");
    assertThat(browser.errorNextTo("login")).isEqualTo("Укажите номер мобильного телефона или адрес электронной почты");
    screenshots("admin-error");

    browser.type("#login", other);
    browser.submit("#grant-form button[type=submit]");
    browser.waitForPath("/admin");
    assertThat(browser.text("p.notice")).isEqualTo("Роль администратора назначена.");
    assertThat(browser.text("#administrators")).contains(other);
    screenshots("admin-granted");

    UUID otherId = roles.administrators().stream().filter(a -> a.login().equals(other)).findFirst().orElseThrow().accountId();
    browser.submit("li[data-account='" + otherId + "'] form button");
    browser.waitForPath("/admin");
    assertThat(browser.text("p.notice")).isEqualTo("Роль администратора снята.");
    assertThat(browser.text("#administrators")).doesNotContain(other);

    browser.open("/admin?lang=en");
    assertThat(browser.driver().getTitle()).isEqualTo("Administration — Propusk");
    screenshots("admin-en");
    browser.open("/?lang=ru");
    assertThat(browser.find("#admin-link").getAttribute("href")).endsWith("/admin");
  }

  @Test
  void anAdministratorWithoutASecondFactorIsToldToTurnItOnAndOthersAreRefused() {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    TestAdministrators.grant(roles, phone);
    signIn(phone);

    browser.open("/admin");
    browser.waitForPath("/admin/two-step");
    assertThat(browser.text("h1")).isEqualTo("Включите вход в два шага");
    assertThat(browser.find("#to-security").getAttribute("href")).endsWith("/account/security");
    screenshots("admin-two-step");

    browser.reset();
    signIn(TestAccounts.registerByPhone(port, PASSWORD));
    browser.open("/admin");
    assertThat(browser.text("h1")).isEqualTo("Нет доступа");
    assertThat(browser.findAll("#admin-link")).isEmpty();
    screenshots("admin-forbidden");
  }

  private void signIn(String phone) {
    browser.open("/login");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/(\\?.*)?");
  }
}
