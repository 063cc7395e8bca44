package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.TestSignatures;
import org.propusk.test.TestSignatures.Algorithm;
import org.propusk.test.TestSignatures.Person;
import org.propusk.test.VerifiedProfiles;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The signature way in a real browser: from the home page to the ways page, a challenge, a pasted
 * signature that is not one (refused next to the field), then a signature file uploaded; the home
 * page says Confirmed.
 */
@PropuskIntegrationTest
class SignatureBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "тёплый-ветер-над-рекой-19";
  static final String HOME = "/(\\?.*)?";

  @Autowired MutableClock clock;

  @Test
  void aStandardCitizenUploadsASignatureFileAndIsConfirmed() throws Exception {
    String phone = TestContacts.phone();
    ApiClient api = TestAccounts.registerByPhone(port, phone, PASSWORD);
    Map<String, Object> profile = VerifiedProfiles.verify(api);
    Person person =
        new Person(
            profile.get("snils").toString().replaceAll("\\D", ""),
            profile.get("lastName").toString(),
            profile.get("firstName").toString(),
            profile.get("patronymic").toString());

    browser.open("/login");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath(HOME);
    assertThat(browser.text("[data-testid=level]")).isEqualTo("Стандартная");

    browser.click("a[href$='/account/confirmation-ways']");
    browser.waitForPath("/account/confirmation-ways");
    screenshots("signature-ways");
    browser.click("#start-signature");
    browser.waitForPath("/account/confirmation-ways/signature");
    screenshots("signature-start");
    browser.submit("#get-challenge");
    browser.waitForPath("/account/confirmation-ways/signature");
    String challenge = browser.text("#challenge-text");
    assertThat(challenge).startsWith("propusk-identity-confirmation:");
    screenshots("signature-challenge");

    browser.type("#pasted", "это не подпись");
    browser.submit("#send-signature");
    assertThat(browser.text("#signature-error")).startsWith("Это не электронная подпись");
    assertThat(browser.find("#file").getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.text("#challenge-hint")).contains("Осталось попыток: 4");
    screenshots("signature-refused");

    Path file = Files.createDirectories(Path.of("target", "signature-files")).resolve("propusk-challenge.txt.sig");
    Files.write(file, TestSignatures.sign(TestSignatures.certificate(person, Algorithm.GOST_256, clock.instant()), challenge));
    browser.find("#file").sendKeys(file.toAbsolutePath().toString());
    browser.submit("#send-signature");

    browser.waitForPath(HOME);
    assertThat(browser.text("[data-testid=level]")).isEqualTo("Подтверждённая");
    assertThat(browser.text("main .notice")).startsWith("Личность подтверждена");
    screenshots("signature-confirmed");
    browser.open("/account/confirmation-ways/signature");
    assertThat(browser.text("#signature-done")).startsWith("Личность уже подтверждена");
  }
}
