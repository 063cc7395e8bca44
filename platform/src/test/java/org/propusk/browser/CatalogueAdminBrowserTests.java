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
 * The catalogue's admin pages in a browser: from /admin to the list, a refused entry with its
 * errors next to the fields, then saved. Every page passes axe-core and fits a phone.
 */
@PropuskIntegrationTest
class CatalogueAdminBrowserTests extends BrowserTestSupport {

  @Autowired MutableClock clock;
  @Autowired Roles roles;

  @Test
  void anAdministratorAddsAServiceAfterCorrectingTheAddress() {
    TestAdministrators.WithApp administrator = TestAdministrators.withApp(port, roles, clock);
    String phone = administrator.phone();

    signInWithTheApp("/admin", phone, TestAdministrators.PASSWORD, administrator.app(), clock);

    browser.submit("#catalogue-admin-link");
    browser.waitForPath("/admin/catalogue");
    assertThat(browser.find("li[data-entry=e-voting]").getText()).contains("Электронное голосование");
    screenshots("admin-catalogue");

    String code = "fishing-" + UUID.randomUUID().toString().substring(0, 8);
    browser.submit("#add-entry");
    browser.type("#code", code);
    browser.type("#nameRu", "Разрешение на любительское рыболовство");
    browser.type("#nameEn", "Recreational fishing permit");
    browser.type("#agencyRu", "Росрыболовство");
    browser.type("#agencyEn", "Federal Agency for Fishery");
    browser.type("#descriptionRu", "Получить разрешение на вылов рыбы на участках с ограничениями.");
    browser.type("#descriptionEn", "Get a permit to fish where catches are limited.");
    browser.type("#url", "http://fish.example.ru/");
    browser.click("#level-standard");
    browser.submit("#save-entry");
    assertThat(browser.errorNextTo("url")).isEqualTo("Укажите полный адрес, начинающийся с https://");
    screenshots("admin-catalogue-error");

    browser.type("#url", "https://fish.example.ru/");
    browser.submit("#save-entry");
    browser.waitForPath("/admin/catalogue");
    assertThat(browser.text("p.notice")).isEqualTo("Услуга «" + code + "» сохранена.");
    assertThat(browser.find("li[data-entry=" + code + "]").getText()).contains("Нужна стандартная учётная запись");
  }
}
