package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;

/** "Безопасность" in real browsers: signed in on two, the first ends the second's session. */
@PropuskIntegrationTest
class SecurityBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "тихий-снег-на-крыше-9";

  @Test
  void citizenSeesTheOtherBrowserAndEndsItsSession() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    signIn(browser, phone);
    try (Browser other = Browser.start(port)) {
      other.reset();
      signIn(other, phone);

      browser.click("a[href$='/account/security']");
      browser.waitForPath("/account/security");
      assertThat(browser.driver().getTitle()).isEqualTo("Безопасность — Пропуск");
      WebElement current = browser.find(".sessions li[data-current=true]");
      assertThat(current.findElement(By.cssSelector(".tag")).getText()).isEqualTo("Это устройство");
      assertThat(current.findElements(By.cssSelector("form"))).as("this device is ended by signing out").isEmpty();
      List<WebElement> browsers =
          browser.findAll(".sessions li[data-current=false]").stream()
              .filter(li -> li.findElement(By.cssSelector(".session-device strong")).getText().contains("Chrome"))
              .toList();
      assertThat(browsers).hasSize(1);
      capture("two-browsers");

      browsers.getFirst().findElement(By.cssSelector("button[type=submit]")).click();
      browser.waitForPath("/account/security\\?ended=one");
      assertThat(browser.text("p.notice")).isEqualTo("Сеанс завершён.");
      assertThat(browser.findAll(".sessions li[data-current=false]"))
          .noneMatch(li -> li.findElement(By.cssSelector(".session-device strong")).getText().contains("Chrome"));
      capture("ended");

      other.open("/profile");
      other.waitForPath("/login.*");
    }
  }

  private static void signIn(Browser in, String phone) {
    in.open("/login");
    in.type("#login", phone);
    in.type("#password", PASSWORD);
    in.submit("main form button[type=submit]");
    in.waitForPath("/(\\?.*)?");
  }

  private void capture(String name) {
    screenshots("security-" + name);
  }
}
