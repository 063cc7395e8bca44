package org.propusk.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.propusk.test.ApiClient;
import org.propusk.test.Waits;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromedriver}) driven the way a
 * citizen uses the portal. Start it once per test class, {@link #reset} it before each test: the
 * cookies go, and the browser gets a client address of its own (sent as {@code X-Forwarded-For},
 * which the platform trusts from loopback), so that per-address limits never join tests together.
 *
 * <p>Selenium Manager is never asked for anything: the driver executable is given to the service,
 * which makes Selenium skip it, and {@code SE_OFFLINE} is set for good measure.
 */
public final class Browser implements AutoCloseable {

  public static final Dimension DESKTOP = new Dimension(1280, 900);
  public static final Dimension PHONE = new Dimension(375, 812);

  private static final Duration WAIT = Waits.BACKGROUND;

  private final String base;
  private final ChromeDriver driver;
  private final Path profile;
  private Dimension viewport = DESKTOP;

  public record Dimension(int width, int height) {}

  private Browser(String base, ChromeDriver driver, Path profile) {
    this.base = base;
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts Chromium against the application on {@code http://localhost:port}. */
  public static Browser start(int port) {
    System.setProperty("SE_OFFLINE", "true");
    Path profile;
    try {
      profile = Files.createTempDirectory("propusk-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-extensions",
        "--disable-default-apps",
        "--window-size=" + DESKTOP.width() + "," + DESKTOP.height(),
        // an English browser: the Russian pages must stay Russian whatever it asks for
        "--lang=en-US");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    Browser browser = new Browser("http://localhost:" + port, new ChromeDriver(service, options), profile);
    browser.driver.manage().timeouts().pageLoadTimeout(Waits.BACKGROUND);
    browser.driver.executeCdpCommand("Network.enable", Map.of());
    browser.resize(DESKTOP);
    return browser;
  }

  /** A fresh citizen: no cookies, a desktop window, a new client address. */
  public void reset() {
    driver.get("about:blank");
    consoleProblems(); // forget the previous test's
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    driver.executeCdpCommand(
        "Network.setExtraHTTPHeaders",
        Map.of("headers", Map.of("X-Forwarded-For", ApiClient.randomAddress())));
    resize(DESKTOP);
  }

  /** Emulates a screen of this size; a narrow one is a phone (touch, viewport meta honoured). */
  public void resize(Dimension size) {
    viewport = size;
    boolean phone = size.width() < 600;
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", size.width(), "height", size.height(), "deviceScaleFactor", 1, "mobile", phone));
  }

  public String base() {
    return base;
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String path) {
    driver.get(path.startsWith("http") ? path : base + path);
    waitForPage();
  }

  /** The path and query of the current page. */
  public String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith(base) ? url.substring(base.length()) : url;
  }

  public void waitForPath(String regex) {
    wait(d -> path().matches(regex) ? Boolean.TRUE : null, "the address to match " + regex);
    waitForPage();
  }

  public WebElement find(String css) {
    return new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public WebElement visible(String css) {
    return new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  public void type(String css, String text) {
    WebElement input = visible(css);
    input.clear();
    input.sendKeys(text);
  }

  public void click(String css) {
    new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
        .click();
  }

  /** Clicks and waits until the next page has replaced this one. */
  public void submit(String css) {
    WebElement html = driver.findElement(By.tagName("html"));
    click(css);
    new WebDriverWait(driver, WAIT).until(d -> isGone(html));
    waitForPage();
  }

  /**
   * Whether an element of the previous page is gone. Chromium sometimes answers a question about a
   * node of an unloaded document with an inspector error instead of "stale": that means gone too.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  public String text(String css) {
    return visible(css).getText();
  }

  /** The error shown inside the same field container as the input with this id. */
  public String errorNextTo(String id) {
    WebElement field =
        find("#" + id)
            .findElement(By.xpath("./ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' field ')][1]"));
    return field.findElement(By.cssSelector(".error")).getText();
  }

  public <T> T wait(Function<WebDriver, T> condition, String what) {
    return new WebDriverWait(driver, WAIT).withMessage("waiting for " + what).until(condition::apply);
  }

  /** The element's text once it has any, e.g. a live region that is filled a moment after load. */
  public String textOnceFilled(String css) {
    return wait(d -> find(css).getText().isBlank() ? null : find(css).getText(), "text in " + css);
  }

  /** Presses keys on whatever has the focus. */
  public void press(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  public void tab() {
    press(Keys.TAB);
  }

  /** The focused element's id, or its tag and class when it has none. */
  public String focused() {
    return (String)
        script(
            "var e = document.activeElement;"
                + " return e ? (e.id || e.tagName.toLowerCase() + '.' + e.className) : '';");
  }

  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Whether the page is wider than the screen, so that the citizen has to scroll sideways. */
  /**
   * What axe-core finds against WCAG 2.0/2.1 A and AA on the page as it is now, one line per rule
   * broken with the elements that break it; empty when nothing. The script comes from the
   * axe-core jar and is put into the page through the driver, so the page's CSP is not loosened.
   */
  public List<String> accessibilityViolations() {
    driver.executeScript(AXE_SCRIPT);
    Object found =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '"
                + " + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
    return ((List<?>) found).stream().map(String::valueOf).toList();
  }

  private static final String AXE_SCRIPT = axeScript();

  private static String axeScript() {
    try (var in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js not on the test classpath (com.deque.html.axe-core:selenium)");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public boolean scrollsSideways() {
    return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth;");
  }

  /**
   * What the pages' scripts and the content security policy complained about since the last call:
   * script errors and refused inline code or styles (answers with an error status are not counted,
   * they are the pages' own way of saying "check the form").
   */
  public List<String> consoleProblems() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::getMessage)
        .filter(message -> !message.contains("Failed to load resource: the server responded with a status of"))
        .toList();
  }

  /** Saves the whole page, not just the screen, as a PNG. */
  public Path screenshot(Path file) {
    Number height =
        (Number)
            script(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
    int fullHeight = Math.max(viewport.height(), height.intValue());
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format", "png",
                "captureBeyondViewport", true,
                "clip",
                    Map.of("x", 0, "y", 0, "width", viewport.width(), "height", fullHeight, "scale", 1)));
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private void waitForPage() {
    wait(d -> "complete".equals(script("return document.readyState;")) ? Boolean.TRUE : null, "the page to load");
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
