package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.account.Roles;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAdministrators;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The relying parties' admin pages in a real browser: the list, the registration form with its
 * errors next to the fields, the secret shown once, and the client's own page. Every page passes
 * axe-core's WCAG 2.1 AA rules and fits a phone.
 */
@PropuskIntegrationTest
class ClientAdministrationBrowserTests extends BrowserTestSupport {

  @Autowired MutableClock clock;
  @Autowired Roles roles;

  @Test
  void anAdministratorRegistersARelyingPartyAndSeesItsSecretOnce() {
    TestAdministrators.WithApp administrator = TestAdministrators.withApp(port, roles, clock);
    String phone = administrator.phone();
    String clientId = "portal-" + UUID.randomUUID().toString().substring(0, 8);

    signInWithTheApp("/admin", phone, TestAdministrators.PASSWORD, administrator.app(), clock);
    browser.submit("#to-clients");
    browser.waitForPath("/admin/clients");
    assertThat(browser.driver().getTitle()).isEqualTo("Подключённые сервисы — Пропуск");
    assertThat(browser.text("#clients")).contains("test-rp", "Из настроек");
    screenshots("admin-clients");

    browser.submit("#new-client");
    browser.waitForPath("/admin/clients/new");
    assertThat(browser.find("#scope-openid").isSelected()).isTrue();
    screenshots("admin-client-form");

    browser.type("#clientId", clientId);
    browser.type("#redirectUris", "http://portal.example/callback");
    browser.click("#scope-profile");
    browser.submit("#save-client");
    assertThat(browser.driver().getTitle()).startsWith("Ошибка");
    assertThat(browser.errorNextTo("name")).isEqualTo("Заполните поле");
    assertThat(browser.errorNextTo("agency")).isEqualTo("Заполните поле");
    assertThat(browser.errorNextTo("redirectUris")).startsWith("Нужен адрес https");
    assertThat(browser.find("#clientId").getAttribute("value")).isEqualTo(clientId);
    assertThat(browser.find("#scope-profile").isSelected()).isTrue();
    screenshots("admin-client-errors");

    browser.type("#name", "Запись к врачу");
    browser.type("#agency", "Министерство здравоохранения");
    browser.type("#redirectUris", "https://portal.example/callback");
    browser.submit("#save-client");
    assertThat(browser.text("h1")).isEqualTo("Секрет клиента");
    assertThat(browser.text("#client-id")).isEqualTo(clientId);
    assertThat(browser.text("#client-secret")).matches("[A-Za-z0-9_-]{43}");
    screenshots("admin-client-secret");

    browser.submit("main .actions a");
    assertThat(browser.text("h1")).isEqualTo("Сервис «Запись к врачу»");
    assertThat(browser.driver().getPageSource()).doesNotContain("id=\"client-secret\"");
    screenshots("admin-client-edit");
  }
}
