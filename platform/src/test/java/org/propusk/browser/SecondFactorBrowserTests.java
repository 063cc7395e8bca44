package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.Totp;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two-step sign-in on "Безопасность" in a real browser: an app set up from the key the page shows
 * (the code computed here, as the app would), the recovery codes shown once, the app turned off
 * after the password is typed again; then signing in with it, each app code and each recovery code
 * taken once. Every page passes axe-core's WCAG 2.1 AA rules.
 */
@PropuskIntegrationTest
class SecondFactorBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "ясный-полдень-у-реки-5";
  static final String SIGN_OUT = ".site-header form[action$='/logout'] button";
  /** The code's form on the second-factor page (not the one that sends an SMS code). */
  static final String CODE_FORM = "main form:not(.resend) button[type=submit]";

  @Autowired MutableClock clock;

  @Test
  void citizenSetsUpAnAppSeesTheRecoveryCodesOnceAndTurnsItOff() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    signIn(phone);

    browser.open("/account/security");
    WebElement app = browser.find("[data-factor=app]");
    assertThat(app.getAttribute("data-on")).isEqualTo("false");
    assertThat(browser.text("[data-factor=sms] .weaker")).contains("слабее приложения", "***");
    accessible("security");
    capture("off");

    browser.submit("#app-set-up");
    browser.waitForPath("/account/security/app");
    assertThat(browser.driver().getTitle()).isEqualTo("Подключение приложения — Пропуск");
    String secret = browser.text("#secret").replace(" ", "");
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(browser.find("img.qr").getAttribute("src")).startsWith("data:image/svg+xml;base64,");
    assertThat(browser.find("img.qr").getAttribute("alt")).isNotBlank();
    accessible("setup");
    capture("setup");
    browser.open("/account/security/app");
    assertThat(browser.text("#secret").replace(" ", "")).as("opening the page again changes nothing").isEqualTo(secret);

    browser.type("#code", "12345");
    browser.submit("main form button[type=submit]");
    assertThat(browser.errorNextTo("code")).isEqualTo("Неверный код");
    assertThat(browser.text("#secret").replace(" ", "")).as("the same key again").isEqualTo(secret);
    accessible("setup with an error");

    browser.type("#code", Totp.code(secret, clock.instant()));
    browser.submit("main form button[type=submit]");
    assertThat(browser.driver().getTitle()).isEqualTo("Коды восстановления — Пропуск");
    List<String> codes = browser.findAll(".recovery-codes li").stream().map(WebElement::getText).toList();
    assertThat(codes).hasSize(10).allMatch(code -> code.matches("[A-Z2-9]{5}-[A-Z2-9]{5}"));
    assertThat(browser.text("main")).contains("показываем их только один раз");
    accessible("recovery codes");
    capture("codes");

    browser.submit("main .actions a.button");
    browser.waitForPath("/account/security");
    assertThat(browser.find("[data-factor=app]").getAttribute("data-on")).isEqualTo("true");
    assertThat(browser.text("#codes-left")).contains("10 из 10");
    assertThat(browser.driver().getPageSource()).doesNotContain(codes.getFirst()).doesNotContain(secret);
    accessible("security with the app on");
    capture("on");

    clock.advance(Duration.ofMinutes(6));
    browser.submit("#app-off");
    browser.waitForPath("/login/confirm\\?return=.*");
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/account/security");
    assertThat(browser.find("[data-factor=app]").getAttribute("data-on")).as("the password alone changes nothing").isEqualTo("true");
    browser.submit("#app-off");
    browser.waitForPath("/account/security\\?refused=second-factor");
    assertThat(browser.text("#second-factor-required")).contains("войдите снова");
    assertThat(browser.find("[data-factor=app]").getAttribute("data-on")).as("nor the password again").isEqualTo("true");
    accessible("security asking for the second factor");

    browser.submit(".site-header form[action$='/logout'] button");
    clock.advance(Duration.ofSeconds(30));
    browser.open("/login");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/login/second-factor.*");
    browser.type("#code", Totp.code(secret, clock.instant()));
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/(\\?.*)?");
    browser.open("/account/security");
    browser.submit("#app-off");
    browser.waitForPath("/account/security\\?changed=app-off");
    assertThat(browser.text("p.notice")).isEqualTo("Приложение отключено, коды восстановления больше не действуют.");
    assertThat(browser.find("[data-factor=app]").getAttribute("data-on")).isEqualTo("false");
  }

  @Test
  void citizenSignsInWithTheAppAndARecoveryCodeEachCodeOnce() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    clock.freeze();
    try {
      signIn(phone);
      AppOnPage app = setUpAppOnThePage();
      signOut();

      // a page that needs the sign-in: the password, the app's code (of a step not used yet), back there
      clock.advance(Duration.ofSeconds(30));
      browser.open("/account/history");
      browser.waitForPath("/login.*");
      typePassword(phone);
      browser.waitForPath("/login/second-factor");
      assertThat(browser.find("#code").getAttribute("autocomplete")).isEqualTo("one-time-code");
      screenshots("sign-in-second-factor-app");
      String code = Totp.code(app.secret(), clock.instant());
      browser.type("#code", code);
      browser.submit(CODE_FORM);
      browser.waitForPath("/account/history");
      assertThat(browser.driver().getTitle()).startsWith("История");
      signOut();

      // the same code in the same time step: refused, however right it was a moment ago
      browser.open("/login");
      typePassword(phone);
      browser.waitForPath("/login/second-factor");
      assertRefused(code, "Этот код уже использован. Дождитесь следующего кода в приложении.");

      // a recovery code instead, in the same sign-in: let in
      String recoveryCode = app.recoveryCodes().get(4);
      browser.click("a[href*='method=recovery_code']");
      browser.waitForPath("/login/second-factor\\?method=recovery_code");
      screenshots("sign-in-second-factor-recovery-code");
      browser.type("#code", recoveryCode);
      browser.submit(CODE_FORM);
      browser.waitForPath("/(\\?.*)?");
      assertThat(browser.findAll(SIGN_OUT)).as("signed in").hasSize(1);
      signOut();

      // the same recovery code in a fresh sign-in: spent
      browser.open("/login");
      typePassword(phone);
      browser.waitForPath("/login/second-factor");
      browser.click("a[href*='method=recovery_code']");
      browser.waitForPath("/login/second-factor\\?method=recovery_code");
      assertRefused(recoveryCode, "Неверный код");
    } finally {
      clock.resume();
    }
  }

  private void signIn(String phone) {
    browser.open("/login");
    typePassword(phone);
    browser.waitForPath("/(\\?.*)?");
  }

  /** The app's key as a citizen's app gets it, and the recovery codes the page showed once. */
  record AppOnPage(String secret, List<String> recoveryCodes) {}

  /**
   * Turns the app on from "Безопасность" as a citizen does: the key read from the QR code (as the
   * app scans it) and checked against the key printed under it, the first code computed here from
   * it, the recovery codes noted; back on "Безопасность" with the app on.
   */
  private AppOnPage setUpAppOnThePage() {
    browser.open("/account/security");
    browser.submit("#app-set-up");
    browser.waitForPath("/account/security/app");
    String scanned = qrCodeText("img.qr");
    assertThat(scanned).startsWith("otpauth://totp/");
    String secret = queryParameter(scanned, "secret");
    assertThat(browser.text("#secret").replace(" ", "")).as("the key under the QR code").isEqualTo(secret);
    browser.type("#code", Totp.code(secret, clock.instant()));
    browser.submit("main form button[type=submit]");
    assertThat(browser.driver().getTitle()).isEqualTo("Коды восстановления — Пропуск");
    List<String> codes = browser.findAll(".recovery-codes li").stream().map(WebElement::getText).toList();
    assertThat(codes).hasSize(10);
    browser.submit("main .actions a.button");
    browser.waitForPath("/account/security");
    assertThat(browser.find("[data-factor=app]").getAttribute("data-on")).isEqualTo("true");
    return new AppOnPage(secret, codes);
  }

  /**
   * What a QR code reader finds in the image shown by this element, once the browser has painted
   * it (on a busy machine the first screenshot may come before the image is drawn).
   */
  private String qrCodeText(String css) {
    return browser.wait(driver -> readQrCode(css), "a readable QR code in " + css);
  }

  /** The QR code's text in a screenshot of the element now, or null when none can be read. */
  private String readQrCode(String css) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(browser.find(css).getScreenshotAs(OutputType.BYTES)));
      int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
      BinaryBitmap bitmap =
          new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
      return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NotFoundException | ChecksumException | FormatException notYet) {
      return null;
    }
  }

  private static String queryParameter(String uri, String name) {
    return Arrays.stream(URI.create(uri).getRawQuery().split("&"))
        .filter(pair -> pair.startsWith(name + "="))
        .map(pair -> URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + uri));
  }

  /** Types the code on the second-factor page: refused next to the field, still not signed in. */
  private void assertRefused(String code, String why) {
    browser.type("#code", code);
    browser.submit(CODE_FORM);
    assertThat(browser.path()).startsWith("/login/second-factor");
    assertThat(browser.errorNextTo("code")).isEqualTo(why);
    assertThat(browser.findAll(SIGN_OUT)).as("not signed in").isEmpty();
  }

  private void typePassword(String phone) {
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
  }

  private void signOut() {
    browser.submit(SIGN_OUT);
    browser.waitForPath("/(\\?.*)?");
    assertThat(browser.findAll(SIGN_OUT)).isEmpty();
  }

  private void accessible(String page) {
    assertThat(browser.accessibilityViolations()).as("WCAG 2.1 AA on " + page).isEmpty();
  }

  private void capture(String name) {
    screenshots("second-factor-" + name);
  }
}
