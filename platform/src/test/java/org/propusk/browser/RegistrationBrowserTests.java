package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestContacts;

/**
 * The registration as a citizen goes through it in a real browser: the pages, their scripts (the
 * contact switch, the countdowns, the live password strength), the keyboard and a phone's screen.
 */
@PropuskIntegrationTest
class RegistrationBrowserTests extends BrowserTestSupport {

  @Autowired MutableClock clock;

  static final String STRONG_PASSWORD = "вечерний-трамвай-к-морю-42";
  static final String NEXT_STEP_STANDARD =
      "Заполните профиль: укажите СНИЛС и паспортные данные. После проверки в ведомствах учётная запись станет стандартной.";
  static final String CONFIRM_PAGE = "/register/[0-9a-f-]{36}/confirm";
  static final String PASSWORD_PAGE = "/register/[0-9a-f-]{36}/password";
  static final String HOME = "/(\\?.*)?";

  @Test
  void citizenRegistersByPhoneThroughThePagesAndSeesSimplifiedLevel() {
    String phone = TestContacts.phone();

    browser.open("/register");
    browser.type("#lastName", "Иванов");
    browser.type("#firstName", "Иван");
    browser.click("input[name=channel][value=phone]");
    browser.type("#phone", spoken(phone));
    browser.click("#acceptTerms");
    browser.submit("main form button[type=submit]");

    browser.waitForPath(CONFIRM_PAGE);
    assertThat(browser.text(".lead")).contains(phone.substring(phone.length() - 2));
    // the server's clock may be ahead of the real time (tests move it), never behind
    assertThat(awaitCountdown("#code-timer")).as("the code's validity").matches("\\d+:[0-5]\\d").isNotEqualTo("0:00");
    assertThat(browser.find("#resend").isEnabled()).as("a new code only after a wait").isFalse();
    assertThat(awaitCountdown("#resend-timer")).matches("\\d+:[0-5]\\d").isNotEqualTo("0:00");

    browser.type("#code", outbox.awaitCode(phone, 1));
    browser.submit("main form button[type=submit]");

    browser.waitForPath(PASSWORD_PAGE);
    browser.type("#password", "qwerty");
    int weak = awaitStrength();
    assertThat(weak).isLessThan(3);
    assertThat(browser.text("#strength-problem"))
        .as("the advice is in the page's language, whatever the browser asks for")
        .matches(".*[А-Яа-яЁё].*");
    browser.type("#password", STRONG_PASSWORD);
    browser.wait(d -> meterValue() >= 3 ? Boolean.TRUE : null, "the meter to show a strong password");
    assertThat(browser.text("#strength-label")).isIn("надёжный", "очень надёжный");
    assertThat(browser.find("#strength-problem").getText()).isEmpty();
    browser.type("#passwordRepeat", STRONG_PASSWORD);
    browser.submit("#password-form button[type=submit]");

    browser.waitForPath(HOME);
    assertThat(browser.text("h1")).isEqualTo("Здравствуйте, Иван!");
    assertThat(browser.text("[data-testid=level]")).isEqualTo("Упрощённая");
    assertThat(browser.text("[data-testid=next-step]")).isEqualTo(NEXT_STEP_STANDARD);

    browser.submit(".site-header form[action$='/logout'] button");
    browser.waitForPath(HOME);
    assertThat(browser.findAll("[data-testid=level]")).isEmpty();

    browser.click(".site-header a[href$='/login']");
    browser.waitForPath("/login");
    browser.type("#login", international(phone));
    browser.type("#password", STRONG_PASSWORD);
    browser.submit("main form button[type=submit]");

    browser.waitForPath(HOME);
    assertThat(browser.text("h1")).isEqualTo("Здравствуйте, Иван!");
    assertThat(browser.text("[data-testid=level]")).isEqualTo("Упрощённая");
    assertThat(browser.findAll(".site-header form[action$='/logout'] button")).hasSize(1);
  }

  @Test
  void citizenRegistersByEmailFollowingTheLinkFromTheLetter() {
    String email = TestContacts.email();

    browser.open("/register");
    browser.type("#lastName", "Петрова");
    browser.type("#firstName", "Анна");
    browser.click("input[name=channel][value=email]");
    assertThat(browser.find("#phone").isDisplayed()).as("only the chosen contact is asked").isFalse();
    browser.type("#email", email);
    browser.click("#acceptTerms");
    browser.submit("main form button[type=submit]");

    browser.waitForPath(CONFIRM_PAGE);
    assertThat(browser.text(".lead")).contains("@example.ru");
    String link = outbox.awaitLink(email, 1);
    // the letter points at the configured public address; the test server has a port of its own
    browser.open(link.replaceFirst("^https?://[^/]+", browser.base()));

    browser.waitForPath(PASSWORD_PAGE);
    browser.type("#password", STRONG_PASSWORD);
    browser.type("#passwordRepeat", STRONG_PASSWORD);
    browser.submit("#password-form button[type=submit]");

    browser.waitForPath(HOME);
    assertThat(browser.text("h1")).isEqualTo("Здравствуйте, Анна!");
    assertThat(browser.text("[data-testid=level]")).isEqualTo("Упрощённая");
    assertThat(browser.text("main")).contains(email);
  }

  @Test
  void registrationFormShowsEachErrorNextToItsField() {
    String mixed = "Ivan\u043Ev"; // the "о" is Cyrillic
    browser.open("/register");
    browser.type("#lastName", mixed);
    browser.click("input[name=channel][value=phone]");
    browser.type("#phone", "8 495 123-45-67");
    browser.submit("main form button[type=submit]");

    assertThat(browser.path()).isEqualTo("/register");
    assertThat(browser.driver().getTitle()).isEqualTo("Ошибка: Регистрация — Пропуск");
    assertThat(browser.text("#error-summary h2")).isEqualTo("Проверьте введённые данные");
    assertThat(browser.focused()).as("the summary is read first").isEqualTo("error-summary");
    assertThat(browser.findAll("#error-summary a").stream().map(a -> a.getDomAttribute("href")))
        .containsExactly("#lastName", "#firstName", "#phone", "#acceptTerms");
    assertThat(errorNextTo("lastName")).isEqualTo("Нельзя одновременно использовать русские и латинские буквы");
    assertThat(errorNextTo("firstName")).isEqualTo("Укажите имя");
    assertThat(errorNextTo("phone")).isEqualTo("Укажите номер мобильного телефона, а не городского");
    assertThat(errorNextTo("acceptTerms"))
        .isEqualTo("Чтобы продолжить, примите условия использования и политику конфиденциальности");
    for (String field : List.of("lastName", "firstName", "phone", "acceptTerms")) {
      WebElement input = browser.find("#" + field);
      assertThat(input.getDomAttribute("aria-invalid")).as(field).isEqualTo("true");
      assertThat(input.getDomAttribute("aria-describedby")).as(field).contains(field + "-error");
    }
    assertThat(browser.find("#lastName").getDomProperty("value")).isEqualTo(mixed);
    assertThat(browser.find("#phone").getDomProperty("value")).isEqualTo("8 495 123-45-67");
    assertThat(browser.find("input[name=channel][value=phone]").isSelected()).isTrue();
    assertThat(browser.find("#acceptTerms").isSelected()).isFalse();

    browser.click("#error-summary a[href='#phone']");
    assertThat(browser.focused()).as("a summary link leads to its field").isEqualTo("phone");
  }

  @Test
  void pagesSwitchToEnglish() {
    browser.open("/register?lang=en");

    assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("en");
    assertThat(browser.text("h1")).isEqualTo("Registration");
    assertThat(browser.text("label[for=lastName]")).isEqualTo("Surname");
    assertThat(browser.text("label[for=firstName]")).isEqualTo("Name");
    assertThat(browser.text("label[for=phone]")).isEqualTo("Mobile phone");
    assertThat(browser.text("main form button[type=submit]")).isEqualTo("Register");
    assertThat(browser.text(".site-header .lang")).isEqualTo("Русский");

    browser.open("/login");
    assertThat(browser.text("h1")).as("the choice is remembered").isEqualTo("Sign in");
  }

  @Test
  void registrationFormFitsAPhoneScreen() {
    browser.resize(Browser.PHONE);
    browser.open("/register");

    assertThat(browser.script("return window.innerWidth;")).isEqualTo(375L);
    assertThat(browser.scrollsSideways()).isFalse();
    assertThat(browser.find("main form button[type=submit]").getRect().getWidth()).isLessThanOrEqualTo(375);

    browser.submit("main form button[type=submit]");
    assertThat(browser.findAll(".error")).isNotEmpty();
    assertThat(browser.scrollsSideways()).as("with the errors shown").isFalse();
  }

  @Test
  void firstPageCanBeCompletedWithTheKeyboardAlone() {
    String phone = TestContacts.phone();
    browser.open("/register");

    browser.tab();
    assertThat(browser.focused()).as("the first stop skips to the content").startsWith("a.skip-link");
    browser.press(Keys.ENTER);
    browser.tab();
    assertThat(browser.focused()).isEqualTo("lastName");
    browser.press("Сидоров");
    browser.tab();
    assertThat(browser.focused()).isEqualTo("firstName");
    browser.press("Пётр");
    browser.tab();
    assertThat(browser.find("input[name=channel][value=phone]").equals(browser.driver().switchTo().activeElement()))
        .as("the chosen channel is the next stop")
        .isTrue();
    browser.tab();
    assertThat(browser.focused()).isEqualTo("phone");
    browser.press(spoken(phone));
    browser.tab();
    assertThat(browser.focused()).as("the hidden e-mail field is skipped").isEqualTo("acceptTerms");
    browser.press(Keys.SPACE);
    assertThat(browser.find("#acceptTerms").isSelected()).isTrue();
    for (int i = 0; i < 5 && !browser.focused().startsWith("button."); i++) {
      browser.tab(); // past the links to the terms and the policy
    }
    assertThat(browser.driver().switchTo().activeElement().getDomAttribute("type")).isEqualTo("submit");
    browser.press(Keys.ENTER);

    browser.waitForPath(CONFIRM_PAGE);
    assertThat(browser.focused()).as("the code field has the focus").isEqualTo("code");
    browser.press(outbox.awaitCode(phone, 1), Keys.ENTER);
    browser.waitForPath(PASSWORD_PAGE);
    assertThat(browser.focused()).isEqualTo("password");
  }

  /** Every page at desktop and phone width, into target/screenshots, for a look by a person. */
  @Test
  void everyPageFitsAPhoneAndIsCapturedForReview() {
    Screens screens = new Screens();
    browser.open("/");
    screens.capture("home-anonymous");
    browser.open("/register");
    screens.capture("register");
    browser.type("#lastName", "Ivan\u043Ev");
    browser.type("#phone", "8 495 123-45-67");
    browser.submit("main form button[type=submit]");
    screens.capture("register-errors");
    browser.open("/login");
    screens.capture("login");
    browser.type("#login", "+7 912 000-00-00");
    browser.type("#password", "not-the-password");
    browser.submit("main form button[type=submit]");
    screens.capture("login-error");
    browser.open("/legal/terms");
    screens.capture("terms");
    browser.open("/recovery");
    screens.capture("not-found");
    browser.open("/register?lang=en");
    screens.capture("register-english");
    browser.open("/?lang=ru");

    String phone = TestContacts.phone();
    browser.open("/register");
    browser.type("#lastName", "Смирнова");
    browser.type("#firstName", "Мария");
    browser.type("#phone", spoken(phone));
    browser.click("#acceptTerms");
    browser.submit("main form button[type=submit]");
    browser.waitForPath(CONFIRM_PAGE);
    awaitCountdown("#code-timer");
    screens.capture("confirm");
    browser.type("#code", "000000".equals(outbox.awaitCode(phone, 1)) ? "111111" : "000000");
    browser.submit("main form button[type=submit]");
    screens.capture("confirm-wrong-code");
    browser.type("#code", outbox.awaitCode(phone, 1));
    browser.submit("main form button[type=submit]");
    browser.waitForPath(PASSWORD_PAGE);
    browser.type("#password", "qwerty");
    awaitStrength();
    screens.capture("password-weak");
    browser.type("#password", STRONG_PASSWORD);
    browser.wait(d -> meterValue() >= 3 ? Boolean.TRUE : null, "a strong password");
    screens.capture("password-strong");
    browser.type("#passwordRepeat", STRONG_PASSWORD);
    browser.submit("#password-form button[type=submit]");
    browser.waitForPath(HOME);
    screens.capture("home-signed-in");
    browser.open("/dev/outbox/view");
    screens.capture("dev-outbox");

    assertThat(screens.overflowing).as("pages wider than a phone").isEmpty();
  }

  @Test
  void aCodeWithNoAttemptsLeftIsSaidToBeSpentWithoutACountdown() {
    String phone = startRegistration("Кузнецов", "Олег");
    String wrong = "000000".equals(outbox.awaitCode(phone, 1)) ? "111111" : "000000";
    for (int attempt = 0; attempt < 3; attempt++) {
      browser.type("#code", wrong);
      browser.submit("main form button[type=submit]");
    }
    assertThat(browser.text("#code-state"))
        .contains("Неверный код.")
        .contains("Слишком много неверных попыток. Запросите новый код.")
        .doesNotContain("Осталось попыток");
    assertThat(browser.findAll("#code-timer")).as("no validity beside a spent code").isEmpty();
    assertThat(browser.findAll("#code")).as("nothing to enter").isEmpty();
    assertThat(browser.find("#resend").getText()).isEqualTo("Отправить код повторно");
    screenshots("registration-confirm-spent");
  }

  @Test
  void anExpiredCodeIsSaidOnce() {
    String phone = startRegistration("Кузнецова", "Ольга");
    awaitCountdown("#code-timer");
    clock.advance(Duration.ofSeconds(301));
    browser.type("#code", outbox.awaitCode(phone, 1));
    browser.submit("main form button[type=submit]");
    assertThat(browser.text("main").split("Срок действия кода истёк", -1)).as("said once").hasSize(2);
    assertThat(browser.findAll("#code-timer")).isEmpty();
    assertThat(browser.findAll("#code")).isEmpty();
    assertThat(browser.find("#resend").isEnabled()).as("a new code can be sent now").isTrue();
    screenshots("registration-confirm-expired");

    browser.submit("#resend");
    assertThat(awaitCountdown("#code-timer")).isNotEqualTo("0:00");
    assertThat(browser.findAll("#code")).as("a new code to enter").hasSize(1);
  }

  @Test
  void theMeterIsNeverGreenBesideABrokenRule() {
    String phone = startRegistration("Смирнова", "Мария");
    browser.type("#code", outbox.awaitCode(phone, 1));
    browser.submit("main form button[type=submit]");
    browser.waitForPath(PASSWORD_PAGE);
    browser.type("#password", "вечерний-трамвай-смирнова-42");
    awaitStrength();
    assertThat(browser.find("#strength-problem").getText()).contains("имя");
    assertThat(browser.text("#strength-label")).isEqualTo("не подходит");
    assertThat(meterValue()).as("red, not green").isLessThan(2);
    screenshots("registration-password-refused");
  }

  /** Starts a registration by phone through the page and stays on the code page; returns the phone. */
  private String startRegistration(String lastName, String firstName) {
    String phone = TestContacts.phone();
    browser.open("/register");
    browser.type("#lastName", lastName);
    browser.type("#firstName", firstName);
    browser.type("#phone", spoken(phone));
    browser.click("#acceptTerms");
    browser.submit("main form button[type=submit]");
    browser.waitForPath(CONFIRM_PAGE);
    return phone;
  }

  /** Saves the current page at both widths and notes those that scroll sideways on a phone. */
  class Screens {
    final Path folder = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
    final List<String> overflowing = new ArrayList<>();
    int count;

    void capture(String name) {
      String prefix = String.format("%02d-%s", ++count, name);
      browser.resize(Browser.DESKTOP);
      browser.screenshot(folder.resolve(prefix + "-desktop.png"));
      browser.resize(Browser.PHONE);
      if (browser.scrollsSideways()) {
        overflowing.add(name);
      }
      browser.screenshot(folder.resolve(prefix + "-phone.png"));
      browser.resize(Browser.DESKTOP);
    }
  }

  private String awaitCountdown(String timer) {
    return browser.wait(
        d -> {
          String text = browser.find(timer + " .countdown").getText();
          return text.matches("\\d+:\\d{2}") ? text : null;
        },
        "the countdown in " + timer);
  }

  private int awaitStrength() {
    browser.wait(d -> browser.find("#strength-label").getText().isBlank() ? null : Boolean.TRUE, "a strength");
    return meterValue();
  }

  private int meterValue() {
    return Double.valueOf(browser.find("#strength-meter").getDomProperty("value")).intValue();
  }

  /** The error inside the same field container as the input. */
  private String errorNextTo(String id) {
    WebElement field =
        browser
            .find("#" + id)
            .findElement(By.xpath("./ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' field ')][1]"));
    return field.findElement(By.cssSelector(".error")).getText();
  }

  /** {@code +79123456789} as people say it: {@code 8 912 345-67-89}. */
  static String spoken(String e164) {
    String d = e164.substring(2);
    return "8 " + d.substring(0, 3) + " " + d.substring(3, 6) + "-" + d.substring(6, 8) + "-" + d.substring(8);
  }

  /** {@code +79123456789} as written on a business card: {@code +7 (912) 345-67-89}. */
  static String international(String e164) {
    String d = e164.substring(2);
    return "+7 (" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6, 8) + "-" + d.substring(8);
  }
}
