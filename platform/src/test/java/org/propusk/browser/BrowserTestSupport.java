package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.SecondFactorEnrolment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One Chromium per test class against the running platform, a fresh citizen (no cookies, own
 * address) per test, and no script error or security-policy violation on any page. Tagged
 * {@code browser}: CI's PostgreSQL run leaves them out (pages reach the database only through the
 * services the HTTP tests already run there).
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestSupport {

  @LocalServerPort int port;

  Browser browser;
  DevOutbox outbox;

  @BeforeAll
  void startBrowser() {
    browser = Browser.start(port);
    outbox = new DevOutbox(port);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void freshCitizen() {
    browser.reset();
  }

  /**
   * Screenshots of the page on a desktop and on a phone (which must not scroll sideways), after
   * axe-core found nothing against WCAG 2.1 AA on it.
   */
  void screenshots(String name) {
    Path folder = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
    browser.resize(Browser.DESKTOP);
    assertThat(browser.accessibilityViolations()).as(name + ": WCAG 2.1 AA (axe-core)").isEmpty();
    browser.screenshot(folder.resolve(name + "-desktop.png"));
    browser.resize(Browser.PHONE);
    assertThat(browser.scrollsSideways()).as(name + " on a phone scrolls sideways").isFalse();
    browser.screenshot(folder.resolve(name + "-phone.png"));
    browser.resize(Browser.DESKTOP);
  }

  /**
   * Opens {@code path}, which needs a sign-in with the second factor, and signs in on the way: the
   * password, then the authenticator app's code; returns on the page.
   */
  void signInWithTheApp(String path, String login, String password, SecondFactorEnrolment.App app, MutableClock clock) {
    browser.open(path);
    browser.waitForPath("/login.*");
    browser.type("#login", login);
    browser.type("#password", password);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/login/second-factor");
    browser.type("#code", app.nextCode(clock));
    browser.submit("main form:not(.resend) button[type=submit]");
    browser.waitForPath(path);
  }

  /**
   * In a fresh browser, sets a new password through the recovery pages with the {@code nth} code
   * sent to {@code login}; returns on the home page, signed in.
   */
  void recoverWithTheCode(String login, int nth, String password) {
    browser.reset();
    browser.open("/recovery");
    browser.type("#login", login);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/recovery/[0-9a-f-]{36}/confirm");
    browser.type("#code", outbox.awaitCode(login, nth));
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/recovery/[0-9a-f-]{36}/password");
    browser.type("#password", password);
    browser.type("#passwordRepeat", password);
    browser.submit("#password-form button[type=submit]");
    browser.waitForPath("/(\\?.*)?");
  }

  @AfterEach
  void pagesRanWithoutScriptErrorsOrPolicyViolations() {
    assertThat(browser.consoleProblems()).isEmpty();
  }
}
