package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.account.Role;
import org.propusk.account.Roles;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.VerifiedProfiles;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A service centre end to end in a real browser: an administrator adds a centre and an operator on
 * {@code /admin/centres}; the operator signs in with the app code, finds a Standard citizen by
 * SNILS, ticks that the passport matches and confirms; the citizen's ways page, home page and
 * history then say Confirmed and name the centre. Every page passes axe-core's WCAG 2.1 AA rules
 * and fits a phone.
 */
@PropuskIntegrationTest
class OperatorBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "светлый-вечер-на-причале-8";

  @Autowired MutableClock clock;
  @Autowired Roles roles;

  @Test
  void anOperatorConfirmsAStandardCitizenInPerson() {
    String adminPhone = TestContacts.phone();
    SecondFactorEnrolment.App adminApp = SecondFactorEnrolment.turnAppOn(TestAccounts.registerByPhone(port, adminPhone, PASSWORD), clock);
    roles.grant(LoginIdentifier.classify(adminPhone).orElseThrow(), Role.ADMINISTRATOR, UUID.randomUUID());
    String operatorPhone = TestContacts.phone();
    SecondFactorEnrolment.App operatorApp =
        SecondFactorEnrolment.turnAppOn(TestAccounts.registerByPhone(port, operatorPhone, PASSWORD), clock);
    String citizenPhone = TestContacts.phone();
    ApiClient citizen = TestAccounts.registerByPhone(port, citizenPhone, PASSWORD);
    Map<String, Object> profile = VerifiedProfiles.verify(citizen);
    String code = "B-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String centre = "МФЦ района Тверской " + code;

    // the administrator adds the centre and the operator
    signInWithApp("/admin", adminPhone, adminApp);
    browser.waitForPath("/admin");
    browser.click("#centres-link");
    browser.waitForPath("/admin/centres");
    browser.submit("#centre-form button[type=submit]");
    assertThat(browser.errorNextTo("centreCode")).isEqualTo("Укажите код центра");
    assertThat(browser.errorNextTo("centreName")).isEqualTo("Укажите название");
    screenshots("admin-centres-error");
    browser.type("#centreCode", code.toLowerCase());
    browser.type("#centreName", centre);
    browser.type("#centreAddress", "Москва, ул. Тверская, 8");
    browser.submit("#centre-form button[type=submit]");
    browser.waitForPath("/admin/centres");
    assertThat(browser.text("p.notice")).isEqualTo("Центр добавлен.");
    String section = "section[data-code='" + code + "']";
    browser.type(section + " input[name=login]", operatorPhone);
    browser.submit(section + " form.operator-form button[type=submit]");
    browser.waitForPath("/admin/centres");
    assertThat(browser.text("p.notice")).isEqualTo("Оператор добавлен.");
    assertThat(browser.text(section + " .operators")).contains(operatorPhone);
    screenshots("admin-centres");

    // the citizen reads how to go to a centre
    browser.reset();
    signIn(citizenPhone);
    browser.open("/account/confirmation-ways");
    assertThat(browser.text("#centre-state")).isEqualTo("Ваша учётная запись стандартная — можно идти в центр.");
    assertThat(browser.text("#service-centres")).contains(centre + ", Москва, ул. Тверская, 8");
    screenshots("ways-centre-standard");

    // the operator finds the citizen and confirms
    browser.reset();
    signInWithApp("/operator", operatorPhone, operatorApp);
    browser.waitForPath("/operator");
    assertThat(browser.text("#centre")).contains(centre);
    screenshots("operator-console");
    browser.click("#by-snils");
    browser.type("#snils", "123");
    browser.submit("#search-form button[type=submit]");
    assertThat(browser.errorNextTo("snils")).isEqualTo("СНИЛС состоит из 11 цифр, например 123-456-789 01");
    browser.type("#snils", (String) profile.get("snils"));
    browser.submit("#search-form button[type=submit]");
    browser.waitForPath("/operator/search");
    assertThat(browser.text("#citizen-title")).startsWith(profile.get("lastName") + " " + profile.get("firstName"));
    assertThat(browser.text("#card-level")).isEqualTo("Стандартная");
    assertThat(browser.text("#card-passport")).endsWith("проверен");
    browser.submit("#confirm-form button[type=submit]");
    assertThat(browser.errorNextTo("passportMatches")).isEqualTo("Сверьте паспорт с данными и отметьте, что они совпадают");
    screenshots("operator-card");
    browser.click("#passportMatches");
    browser.submit("#confirm-form button[type=submit]");
    browser.waitForPath("/operator");
    assertThat(browser.text("p.notice")).isEqualTo("Личность подтверждена. Гражданин получит уведомление.");
    screenshots("operator-confirmed");
    browser.open("/");
    browser.click("#operator-link");
    browser.waitForPath("/operator");

    // the citizen is Confirmed, and the history names the centre
    browser.reset();
    signIn(citizenPhone);
    assertThat(browser.text("[data-testid=level]")).isEqualTo("Подтверждённая");
    browser.open("/account/confirmation-ways");
    assertThat(browser.text("#centre-state")).isEqualTo("Ваша личность подтверждена в центре обслуживания «" + centre + "».");
    screenshots("ways-centre-confirmed");
    browser.open("/account/history");
    browser.wait(
        driver -> browser.text("main").contains("Оператор центра обслуживания «" + centre + "» подтвердил личность по паспорту") || reload(),
        "the confirmation in the history");
    screenshots("history-operator");
  }

  private boolean reload() {
    browser.open("/account/history");
    return false;
  }

  private void signIn(String phone) {
    browser.open("/login");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/(\\?.*)?");
  }

  private void signInWithApp(String page, String phone, SecondFactorEnrolment.App app) {
    browser.open(page);
    browser.waitForPath("/login.*");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/login/second-factor");
    browser.type("#code", app.nextCode(clock));
    browser.submit("main form:not(.resend) button[type=submit]");
  }
}
