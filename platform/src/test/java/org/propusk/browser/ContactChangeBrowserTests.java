package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A signed-in citizen changes the phone: the password again when the sign-in is old, a code to the
 * new phone, the change pending for a day; the owner of the old phone cancels it with the link.
 */
@PropuskIntegrationTest
class ContactChangeBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "тихий-вечер-над-рекой-7";
  static final Pattern CANCEL_LINK = Pattern.compile("https?://\\S+?(/contact-change/cancel/[A-Za-z0-9_-]+)");

  @Autowired MutableClock clock;

  @Test
  void citizenChangesThePhoneAndTheOwnerOfTheOldOneCancelsItWithTheLink() {
    String oldPhone = TestContacts.phone();
    TestAccounts.registerByPhone(port, oldPhone, PASSWORD);
    signIn(oldPhone);
    clock.advance(Duration.ofMinutes(6));

    browser.click("a[href$='/account/contacts']");
    browser.waitForPath("/login/confirm\\?return=.*");
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/account/contacts");
    assertThat(browser.text("h1")).isEqualTo("Телефон и электронная почта");
    assertThat(browser.findAll("#main input[type=password]")).as("no password field any more").isEmpty();
    assertThat(browser.text("label[for=phone]")).isEqualTo("Новый мобильный телефон");
    screenshots("contacts-form");

    String newPhone = TestContacts.phone();
    browser.type("#phone", newPhone);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/account/contacts/[0-9a-f-]+/confirm");
    browser.type("#code", outbox.awaitCode(newPhone, 1));
    browser.submit("main form button[type=submit]");

    browser.waitForPath("/account/contacts\\?pending");
    assertThat(browser.text("[role=status]")).startsWith("Код верный.");
    String pending = browser.text("[data-testid=pending-change]");
    assertThat(pending)
        .contains("Смена контакта ожидает", "Новый телефон +7 (" + newPhone.substring(2, 5) + ") ***-**-" + newPhone.substring(10, 12))
        .containsPattern("вступит в силу \\d{1,2} [а-я]+ в \\d{2}:\\d{2} \\(мск\\)")
        .contains("Отменить смену");
    assertThat(browser.findAll("#phone")).as("no second change while one is pending").isEmpty();
    assertThat(browser.text("dl.contacts")).contains(oldPhone);
    screenshots("contacts-pending");

    browser.open("/account/contacts?lang=en");
    assertThat(browser.text("[data-testid=pending-change]")).containsPattern("takes effect on \\d{1,2} [A-Z][a-z]+ at \\d{2}:\\d{2}");
    screenshots("contacts-pending-english");
    browser.open("/?lang=ru");

    // the owner of the old phone, in another browser without a session (the letter's address is
    // the configured public one: the path on this test's port)
    String link = cancelLink(outbox.awaitMessageContaining(oldPhone, "/contact-change/cancel/"));
    browser.reset();
    browser.open(link);
    assertThat(browser.text("h1")).isEqualTo("Отменить смену контакта?");
    assertThat(browser.text("main .lead")).contains("***-**-" + newPhone.substring(10, 12));
    screenshots("contact-cancel");
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/contact-change/cancelled");
    assertThat(browser.text("h1")).isEqualTo("Смена контакта отменена");
    assertThat(browser.text("[role=status]")).contains("Все сеансы входа в учётную запись завершены");
    screenshots("contact-cancelled");

    browser.open(link);
    assertThat(browser.text("h1")).as("single use").isEqualTo("Ссылка больше не действует");
    screenshots("contact-cancel-gone");

    ApiClient owner = new ApiClient(port);
    assertThat(owner.post("/api/v1/session", Map.of("login", oldPhone, "password", PASSWORD)).status()).isEqualTo(200);
    JsonNode me = owner.get("/api/v1/me").json();
    assertThat(me.get("phone").asString()).isEqualTo(oldPhone);
    assertThat(me.get("pendingContactChange").isNull()).isTrue();
  }

  private void signIn(String phone) {
    browser.open("/login");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/(\\?.*)?");
  }

  private static String cancelLink(String message) {
    Matcher link = CANCEL_LINK.matcher(message);
    assertThat(link.find()).as(message).isTrue();
    return link.group(1);
  }
}
