package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.propusk.account.Role;
import org.propusk.account.Roles;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.test.ApiClient;
import org.propusk.test.LetterBatches;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.VerifiedProfiles;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The code by registered post end to end in a real browser: a Standard citizen enters the
 * registration address in "Мои данные" and waits for the ministry's check, orders a letter on the
 * ways page; an administrator downloads the day's batch as a PDF and marks it sent; the code read
 * out of the PDF, entered by the citizen, makes the account Confirmed on the home page. Every page
 * passes axe-core's WCAG 2.1 AA rules and fits a phone.
 */
@PropuskIntegrationTest
class PostCodeBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "снежный-вечер-у-камина-4";

  @Autowired MutableClock clock;
  @Autowired Roles roles;

  @Test
  void aLetterOrderedOnTheWaysPageConfirmsTheAccountWithTheCodeFromThePdf() throws IOException {
    String phone = TestContacts.phone();
    ApiClient api = TestAccounts.registerByPhone(port, phone, PASSWORD);
    Map<String, Object> address = VerifiedProfiles.registrationAddressOf(VerifiedProfiles.verify(api));
    signIn(phone, PASSWORD);

    browser.open("/account/confirmation-ways");
    assertThat(browser.text("#post-way")).contains("Укажите его в профиле");
    browser.click("#post-way a[href$='/profile#addresses']");
    browser.waitForPath("/profile.*");
    browser.type("#registration\\.postalIndex", "12345");
    browser.submit("#address-form button[type=submit]");
    assertThat(browser.errorNextTo("registration\\.postalIndex")).isEqualTo("Почтовый индекс — 6 цифр, например 101000");
    assertThat(browser.errorNextTo("registration\\.house")).isEqualTo("Заполните поле");
    screenshots("profile-address-error");

    for (String field : List.of("postalIndex", "settlement", "street", "house", "building", "flat")) {
      browser.find("#registration\\." + field).clear();
      Object value = address.get(field);
      if (value != null) {
        browser.type("#registration\\." + field, value.toString());
      }
    }
    new Select(browser.find("#registration\\.region")).selectByValue((String) address.get("region"));
    browser.submit("#address-form button[type=submit]");
    browser.waitForPath("/profile\\?addressSaved.*");
    // while the ministry checks, the page asks now and then and reloads itself with the outcome
    boolean caughtPending = "pending".equals(browser.find("#registration-status").getDomAttribute("data-state"));
    new WebDriverWait(browser.driver(), Waits.BACKGROUND)
        .withMessage("waiting for the page to show the address check's outcome")
        .ignoring(WebDriverException.class) // the page is being replaced
        .until(d -> "verified".equals(browser.find("#registration-status").getDomAttribute("data-state")));
    assertThat(browser.text("#registration-status .check-state")).isEqualTo("Проверено");
    assertThat(browser.findAll("#residence-group .check")).as("the residence address is not checked").isEmpty();
    if (caughtPending) {
      assertThat(browser.textOnceFilled("#check-announcer")).isEqualTo("Проверка завершена. Адрес регистрации: Проверено.");
      assertThat(browser.path()).as("the address is clean again").isEqualTo("/profile#addresses");
    }
    assertThat(browser.find("#registration\\.house").getDomProperty("value")).isEqualTo(address.get("house"));
    screenshots("profile-address-verified");

    browser.open("/account/confirmation-ways");
    screenshots("ways-post-order");
    browser.submit("#post-request-form button[type=submit]");
    browser.waitForPath("/account/confirmation-ways\\?letter.*");
    assertThat(browser.text("#post-requested")).startsWith("Письмо заказано");
    assertThat(browser.text("#post-letters")).contains("заказано, готовится к печати");
    String letter = browser.find("#post-letters li").getText().replaceAll("^Письмо ([0-9a-f]{8}).*$", "$1");
    screenshots("ways-post-queued");

    byte[] pdf = administratorDownloadsTheBatchAndMarksItSent();
    String code = LetterBatches.codeOf(pdf, letter);

    browser.reset();
    signIn(phone, PASSWORD);
    browser.open("/account/confirmation-ways");
    assertThat(browser.text("#post-letters")).contains("отправлено заказным письмом", "код действует до");
    browser.type("#post-code", "AAAAA-AAAAA".equals(code) ? "CCCCC-CCCCC" : "AAAAA-AAAAA");
    browser.submit("#post-code-form button[type=submit]");
    assertThat(browser.text("#post-error")).isEqualTo("Неверный код. Осталось попыток: 4."); // the no-break space reads as a space
    assertThat(browser.text("#centre-way")).as("the other ways stay on the page with the error").contains("Центры обслуживания");
    screenshots("ways-post-wrong-code");

    browser.type("#post-code", code);
    browser.submit("#post-code-form button[type=submit]");
    browser.waitForPath("/(\\?.*)?");
    assertThat(browser.text("[data-testid=level]")).isEqualTo("Подтверждённая");
    browser.open("/account/confirmation-ways");
    assertThat(browser.text("#post-way")).contains("Ваша личность подтверждена.", "код введён, личность подтверждена");
    screenshots("ways-post-confirmed");
  }

  /** In the same browser, as an administrator with an authenticator app; returns the PDF downloaded. */
  private byte[] administratorDownloadsTheBatchAndMarksItSent() throws IOException {
    String phone = TestContacts.phone();
    ApiClient registered = TestAccounts.registerByPhone(port, phone, PASSWORD);
    SecondFactorEnrolment.App app = SecondFactorEnrolment.turnAppOn(registered, clock);
    roles.grant(LoginIdentifier.classify(phone).orElseThrow(), Role.ADMINISTRATOR, UUID.randomUUID());
    Path downloads = Files.createTempDirectory("propusk-letters-");
    browser.reset();
    ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));

    browser.open("/admin");
    browser.waitForPath("/login.*");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/login/second-factor");
    browser.type("#code", app.nextCode(clock));
    browser.submit("main form:not(.resend) button[type=submit]");
    browser.waitForPath("/admin");
    browser.click("#post-letters-link");
    browser.waitForPath("/admin/post-letters");
    assertThat(browser.text("#queued-count")).matches("Ждут печати: [1-9][0-9]*");
    screenshots("admin-post-letters");

    browser.click("#batch-form button[type=submit]");
    Path pdf =
        await()
            .atMost(Waits.BACKGROUND)
            .until(() -> finishedPdf(downloads), file -> file != null);
    browser.open("/admin/post-letters");
    assertThat(browser.text("#queued-count")).isEqualTo("Ждут печати: 0");
    browser.submit("#sent-form button[type=submit]");
    browser.waitForPath("/admin/post-letters\\?sent=.*");
    assertThat(browser.text("p.notice")).startsWith("Отмечено отправленными: ");
    screenshots("admin-post-letters-sent");
    return Files.readAllBytes(pdf);
  }

  private static Path finishedPdf(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".pdf")).findFirst().orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void signIn(String phone, String password) {
    browser.open("/login");
    browser.type("#login", phone);
    browser.type("#password", password);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/(\\?.*)?");
  }
}
