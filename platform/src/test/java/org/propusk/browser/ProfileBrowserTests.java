package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestContacts;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Мои данные" in a real browser: the form, each document's check as a badge that the page follows
 * by itself (profile.js) until the registry has answered, and the account level that follows.
 */
@PropuskIntegrationTest
class ProfileBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "тёплый-ветер-над-рекой-7";
  static final String HOME = "/(\\?.*)?";

  @Autowired JdbcClient jdbc;

  /**
   * A SNILS or passport belongs to one account only, and these tests use the sandbox's demo
   * citizens on fresh accounts every run (against PostgreSQL the database outlives the run). No
   * other test of the shared context relies on identity_profile rows (ProfileApiIntegrationTests
   * and DocumentCheckRestartTests have databases of their own), so all of them go, here only.
   */
  @BeforeAll
  void freeTheDemoCitizens() {
    jdbc.sql("delete from identity_profile").update();
  }

  @Test
  void citizenFillsTheProfileAndWatchesBothDocumentsTurnGreenUntilTheAccountIsStandard() {
    String phone = signIn("Иванов", "Иван");

    browser.click(".site-header a[href$='/profile']");
    browser.waitForPath("/profile");
    assertThat(browser.driver().getTitle()).isEqualTo("Мои данные — Пропуск");
    assertThat(browser.find("#lastName").getDomProperty("value")).as("the names from the registration").isEqualTo("Иванов");
    assertThat(badge("snils")).isEqualTo("Не указан");
    assertThat(badge("passport")).isEqualTo("Не указан");
    assertThat(browser.find("#foreign-group").isDisplayed()).as("a Russian citizen has a passport").isFalse();
    capture("empty");

    fill(Map.ofEntries(
        Map.entry("lastName", "Иванов"), Map.entry("firstName", "Иван"), Map.entry("patronymic", "Иванович"),
        Map.entry("birthPlace", "г. Москва"), Map.entry("snils", "112-233-445 95"),
        Map.entry("passportSeries", "45 10"), Map.entry("passportNumber", "123456"),
        Map.entry("passportIssuer", "УФМС России по г. Москве"), Map.entry("divisionCode", "770-001")));
    browser.click("#gender-male");
    date("birthDate", "1985-04-12");
    date("passportIssuedOn", "2010-05-20");
    browser.submit("#profile-form button[type=submit]");

    assertThat(browser.path()).startsWith("/profile");
    boolean caughtPending = "true".equals(browser.find("#main").getDomAttribute("data-checking"));
    if (caughtPending) {
      assertThat(List.of(badge("snils"), badge("passport"))).contains("Проверяется…");
      assertThat(browser.text("#saved-notice")).startsWith("Данные сохранены. Проверка в ведомствах");
    }
    awaitChecks("verified", "verified");

    for (String document : List.of("snils", "passport")) {
      assertThat(badge(document)).isEqualTo("Проверено");
      WebElement mark = browser.find("#" + document + "-status .check-icon");
      assertThat(mark.isDisplayed()).isTrue();
      assertThat(mark.getText()).isEqualTo("✓");
      assertThat(browser.find("#" + document + "-status").getCssValue("background-color"))
          .as("green").isEqualTo("rgba(230, 244, 234, 1)");
    }
    if (caughtPending) {
      String announcement = browser.textOnceFilled("#check-announcer");
      assertThat(announcement)
          .as("the page says that the check has finished")
          .startsWith("Проверка завершена.")
          .contains("Проверено");
      assertThat(browser.path()).as("the address is clean again").isEqualTo("/profile");
    }
    assertThat(browser.find("#snils").getDomProperty("value")).isEqualTo("112-233-445 95");
    assertThat(browser.find("#divisionCode").getDomProperty("value")).isEqualTo("770-001");
    assertThat(browser.find("#birthDate").getDomProperty("value")).isEqualTo("1985-04-12");
    capture("verified");

    browser.click(".site-header .brand");
    browser.waitForPath(HOME);
    assertThat(browser.text("[data-testid=level]")).isEqualTo("Стандартная");
    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status())
        .isEqualTo(200);
  }

  @Test
  void aWrongPassportIsShownFailedWithItsReasonAndClearedForReentry() {
    signIn("Петрова", "Анна");
    browser.open("/profile");

    fill(Map.ofEntries(
        Map.entry("lastName", "Петрова"), Map.entry("firstName", "Анна"), Map.entry("patronymic", "Сергеевна"),
        Map.entry("birthPlace", "г. Санкт-Петербург"), Map.entry("snils", "123-456-789 64"),
        Map.entry("passportSeries", "40 12"), Map.entry("passportNumber", "999999"),
        Map.entry("passportIssuer", "УФМС России по г. Санкт-Петербургу и Ленинградской области"),
        Map.entry("divisionCode", "780-022")));
    browser.click("#gender-female");
    date("birthDate", "1992-09-03");
    date("passportIssuedOn", "2012-09-20");
    browser.submit("#profile-form button[type=submit]");

    awaitChecks("verified", "failed");
    assertThat(badge("snils")).isEqualTo("Проверено");
    assertThat(browser.text("#passport-status .check-state")).isEqualTo("Не прошёл проверку");
    assertThat(browser.text("#passport-status .check-reason"))
        .isEqualTo("Документ не найден в ведомстве. Проверьте данные и введите их снова.");
    assertThat(browser.find("#passport-status").getCssValue("background-color")).as("red").isEqualTo("rgba(253, 236, 234, 1)");
    assertThat(browser.find("#passportSeries").getDomProperty("value")).as("cleared for re-entry").isEmpty();
    assertThat(browser.find("#passportNumber").getDomProperty("value")).as("cleared for re-entry").isEmpty();
    assertThat(browser.find("#snils").getDomProperty("value")).isEqualTo("123-456-789 64");
    assertThat(browser.find("#passportNumber").getDomAttribute("aria-describedby")).contains("passportNumber-hint");
    assertThat(browser.find("#passport-group").getDomAttribute("aria-describedby")).isEqualTo("passport-status");
    if (browser.findAll("#saved-notice").isEmpty()) { // the page has reloaded itself for the outcome
      String announcement = browser.textOnceFilled("#check-announcer");
      assertThat(announcement)
          .contains("Паспорт гражданина РФ: Не прошёл проверку. Документ не найден в ведомстве.")
          .doesNotContain("..");
    }
    capture("failed");

    browser.click(".site-header .brand");
    browser.waitForPath(HOME);
    assertThat(browser.text("[data-testid=level]")).isEqualTo("Упрощённая");
  }

  @Test
  void profileFormShowsEachFormalErrorNextToItsField() {
    signIn("Сидоров", "Пётр");
    browser.open("/profile");

    fill(Map.ofEntries(
        Map.entry("patronymic", "Алексеевич"), Map.entry("birthPlace", "г. Новосибирск"),
        Map.entry("snils", "123-456-789 65"), Map.entry("passportSeries", "5015"), Map.entry("passportNumber", "246810"),
        Map.entry("passportIssuer", "УФМС России по Новосибирской области"), Map.entry("divisionCode", "77-001")));
    browser.click("#gender-male");
    date("birthDate", "1985-04-12");
    date("passportIssuedOn", "1995-05-20");
    browser.submit("#profile-form button[type=submit]");

    assertThat(browser.path()).isEqualTo("/profile");
    assertThat(browser.driver().getTitle()).isEqualTo("Ошибка: Мои данные — Пропуск");
    assertThat(browser.text("#error-summary h2")).isEqualTo("Проверьте введённые данные");
    assertThat(browser.focused()).as("the summary is read first").isEqualTo("error-summary");
    assertThat(browser.findAll("#error-summary a").stream().map(a -> a.getDomAttribute("href")))
        .containsExactly("#snils", "#passportIssuedOn", "#divisionCode");
    assertThat(errorNextTo("snils")).isEqualTo("Проверьте номер: контрольное число СНИЛС не сходится");
    assertThat(errorNextTo("passportIssuedOn"))
        .isEqualTo("Паспорт выдаётся не раньше 14 лет: проверьте дату выдачи и дату рождения");
    assertThat(errorNextTo("divisionCode")).isEqualTo("Код подразделения — 6 цифр в виде 123-456");
    for (String field : List.of("snils", "passportIssuedOn", "divisionCode")) {
      WebElement input = browser.find("#" + field);
      assertThat(input.getDomAttribute("aria-invalid")).as(field).isEqualTo("true");
      assertThat(input.getDomAttribute("aria-describedby")).as(field).contains(field + "-error");
    }
    assertThat(browser.find("#lastName").getDomAttribute("aria-invalid")).isEqualTo("false");
    assertThat(browser.find("#snils").getDomProperty("value")).as("values kept").isEqualTo("123-456-789 65");
    assertThat(browser.find("#passportIssuedOn").getDomProperty("value")).isEqualTo("1995-05-20");
    assertThat(browser.find("#divisionCode").getDomProperty("value")).isEqualTo("77-001");
    assertThat(browser.find("#patronymic").getDomProperty("value")).isEqualTo("Алексеевич");
    assertThat(browser.find("#gender-male").isSelected()).isTrue();
    assertThat(badge("snils")).as("no check started").isEqualTo("Не указан");
    assertThat(badge("passport")).isEqualTo("Не указан");
    assertThat(apiCheckStates()).as("nothing stored, nothing checked").isEqualTo("not_entered/not_entered");
    capture("errors");

    browser.click("#error-summary a[href='#divisionCode']");
    assertThat(browser.focused()).as("a summary link leads to its field").isEqualTo("divisionCode");

    // the citizenship switch: another state's citizen enters a foreign document instead of the passport
    browser.click("#citizenship-other");
    assertThat(browser.find("#passport-group").isDisplayed()).isFalse();
    assertThat(browser.visible("#foreign-group").isDisplayed()).isTrue();
    assertThat(browser.find("#snils-group").isDisplayed()).as("SNILS is for everyone").isTrue();
    capture("foreign");
    browser.click("#citizenship-ru");
    assertThat(browser.visible("#passport-group").isDisplayed()).isTrue();
    assertThat(browser.find("#foreign-group").isDisplayed()).isFalse();
    assertThat(browser.find("#divisionCode").getDomProperty("value")).as("nothing typed is lost").isEqualTo("77-001");
    assertThat(rawPage()).as("without the script both groups are shown")
        .contains("id=\"passport-group\"").contains("id=\"foreign-group\"")
        .doesNotContainPattern("<fieldset[^>]*\\bhidden\\b");

    browser.open("/profile?lang=en");
    assertThat(browser.text("h1")).isEqualTo("My data");
    assertThat(browser.text("#snils-hint")).isEqualTo("11 digits, e.g. 123-456-789 01");
    assertThat(badge("passport")).isEqualTo("Not entered");
    capture("english");
    browser.open("/profile?lang=ru");
  }

  @Test
  void aSaveAfterSomeoneElsesShowsTheDataAsItIsNowInsteadOfOverwritingIt() {
    String phone = signIn("Соколова", "Анна");
    browser.open("/profile");
    fill(Map.of("birthPlace", "г. Тула"));
    browser.click("#gender-female");
    date("birthDate", "1990-03-15");
    browser.submit("#profile-form button[type=submit]");
    browser.waitForPath("/profile\\?saved");

    browser.open("/profile");
    // meanwhile the citizen saves from another device
    ApiClient elsewhere = new ApiClient(port);
    assertThat(elsewhere.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(200);
    Map<String, Object> current = new HashMap<>();
    elsewhere.get("/api/v1/profile").json().properties().forEach(e -> {
      if (e.getValue().isString()) {
        current.put(e.getKey(), e.getValue().asString());
      }
    });
    current.put("birthPlace", "г. Псков");
    assertThat(elsewhere.put("/api/v1/profile", current).status()).isEqualTo(200);

    browser.type("#birthPlace", "г. Орёл");
    browser.submit("#profile-form button[type=submit]");
    assertThat(browser.text("main .alert[role=alert]")).startsWith("Их уже изменили раньше");
    assertThat(browser.find("#birthPlace").getDomProperty("value")).as("the data as it is now").isEqualTo("г. Псков");
    capture("changed-meanwhile");

    browser.submit("#profile-form button[type=submit]");
    browser.waitForPath("/profile\\?saved");
  }

  @Test
  void changingAVerifiedDocumentWarnsFirstAndTheNextStepLeadsToTheWaysToConfirm() {
    signIn("Сидоров", "Пётр");
    browser.open("/profile");
    fill(Map.ofEntries(
        Map.entry("patronymic", "Алексеевич"), Map.entry("birthPlace", "г. Новосибирск"),
        Map.entry("snils", "234-567-890 99"), Map.entry("passportSeries", "50 15"), Map.entry("passportNumber", "246810"),
        Map.entry("passportIssuer", "УФМС России по Новосибирской области"), Map.entry("divisionCode", "540-005")));
    browser.click("#gender-male");
    date("birthDate", "1970-01-25");
    date("passportIssuedOn", "2015-02-10");
    browser.submit("#profile-form button[type=submit]");
    awaitChecks("verified", "verified");

    browser.click(".site-header .brand");
    browser.waitForPath(HOME);
    assertThat(browser.text("[data-testid=level]")).isEqualTo("Стандартная");
    browser.click("a[href$='/account/confirmation-ways']");
    browser.waitForPath("/account/confirmation-ways");
    assertThat(browser.text("h1")).isEqualTo("Как подтвердить личность");
    assertThat(browser.findAll(".way h2").stream().map(WebElement::getText))
        .containsExactly("В центре обслуживания", "Кодом по почте", "Электронной подписью");
    assertThat(browser.text("#centre-state")).isEqualTo("Ваша учётная запись стандартная — можно идти в центр.");
    assertThat(browser.text("#post-way .way-state")).as("the post way asks for the verified address first").startsWith("Письмо придёт на адрес регистрации");
    assertThat(browser.text("#start-signature")).as("the signature way starts here").isEqualTo("Подписать запрос");
    capture("confirmation-ways");

    browser.open("/profile");
    browser.type("#passportNumber", "246811");
    browser.submit("#profile-form button[type=submit]");
    WebElement warning = browser.visible("#recheck-warning");
    assertThat(warning.getText())
        .contains("Уровень учётной записи снизится до окончания проверки")
        .contains("Паспорт гражданина РФ")
        .contains("станет упрощённой");
    assertThat(browser.focused()).as("the warning is read first").isEqualTo("recheck-warning");
    assertThat(browser.find("#passportNumber").getDomProperty("value")).as("what was typed is kept").isEqualTo("246811");
    assertThat(badge("passport")).as("nothing saved yet").isEqualTo("Проверено");
    assertThat(apiCheckStates()).isEqualTo("verified/verified");
    assertThat(browser.script("return document.querySelector('#profile-form button[type=submit]').disabled"))
        .as("Enter in a field (the form's default button) does not answer the warning")
        .isEqualTo(true);
    capture("recheck-warning");

    browser.submit("#recheck-warning a");
    assertThat(browser.find("#passportNumber").getDomProperty("value")).as("kept as verified").isEqualTo("246810");

    browser.type("#passportNumber", "246811");
    browser.submit("#profile-form button[type=submit]");
    browser.submit("#recheck-warning button[name=confirmRecheck]");
    awaitChecks("verified", "failed");
    browser.click(".site-header .brand");
    browser.waitForPath(HOME);
    assertThat(browser.text("[data-testid=level]")).isEqualTo("Упрощённая");

    // pages that once failed with 500: a contact change that is gone, and /error itself
    browser.open("/account/contacts/" + UUID.randomUUID() + "/confirm");
    assertThat(browser.text("main .alert")).isEqualTo("Срок истёк или смена уже завершена. Начните заново.");
    assertThat(browser.find("#phone").isDisplayed()).as("the way to start one").isTrue();
    capture("contact-change-gone");
    browser.open("/error");
    assertThat(browser.text("h1")).isEqualTo("Страница не найдена");
    capture("error-page");
  }

  /** Registers through the API and signs in through the page; returns the phone. */
  private String signIn(String lastName, String firstName) {
    String phone = TestContacts.phone();
    ApiClient citizen = new ApiClient(port);
    String id =
        citizen.post("/api/v1/registrations", Map.of("lastName", lastName, "firstName", firstName, "phone", phone, "acceptTerms", true))
            .text("id");
    citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", outbox.awaitCode(phone, 1)));
    assertThat(citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", PASSWORD, "passwordRepeat", PASSWORD)).status())
        .isEqualTo(201);

    browser.open("/login");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath(HOME);
    return phone;
  }

  private void fill(Map<String, String> fields) {
    fields.forEach((id, value) -> browser.type("#" + id, value));
  }

  /** A date as the date picker would give it, whatever order the browser's language shows. */
  private void date(String id, String iso) {
    browser.script(
        "var e = document.getElementById(arguments[0]); e.value = arguments[1];"
            + " e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
        id,
        iso);
  }

  /** The badge's words: the state (and the reason when it failed). */
  private String badge(String document) {
    return browser.text("#" + document + "-status .check-state");
  }

  /** Waits, while the page reloads itself, until both badges show these states. */
  private void awaitChecks(String snils, String passport) {
    new WebDriverWait(browser.driver(), Waits.BACKGROUND)
        .withMessage("waiting for the checks to become " + snils + "/" + passport)
        .until(
            d -> {
              try {
                return snils.equals(state("snils")) && passport.equals(state("passport")) ? Boolean.TRUE : null;
              } catch (WebDriverException reloading) {
                return null; // the page is being replaced
              }
            });
  }

  private String state(String document) {
    List<WebElement> badges = browser.findAll("#" + document + "-status");
    return badges.isEmpty() ? null : badges.getFirst().getDomAttribute("data-state");
  }

  /** The check states the API gives, asked from within the page (same session). */
  private String apiCheckStates() {
    return (String)
        browser.script(
            "return fetch('/api/v1/profile', {headers: {Accept: 'application/json'}}).then(r => r.json())"
                + ".then(p => p.checks.snils.state + '/' + p.checks.passport.state);");
  }

  /** The page as the server sends it, before any script. */
  private String rawPage() {
    return (String) browser.script("return fetch('/profile').then(r => r.text());");
  }

  private String errorNextTo(String id) {
    WebElement field =
        browser
            .find("#" + id)
            .findElement(By.xpath("./ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' field ')][1]"));
    return field.findElement(By.cssSelector(".error")).getText();
  }

  private void capture(String name) {
    screenshots("profile-" + name);
  }
}
