package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.TestDatabases;
import org.propusk.test.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo portal of the {@code dev} profile end to end in a browser: its page, Propusk's sign-in,
 * and back with the checked ID token's claims, the userinfo answer and the tokens' headers; a
 * forged callback is refused; the home page lists the portal in the catalogue. Pages pass axe-core
 * and fit a phone.
 *
 * <p>The demo portal reaches the provider at {@code propusk.public-url}, as an outside portal
 * would, and the registered redirect URI is built from it too. So this class runs its own context
 * on a port chosen before the start, with the public address on that port (and its own
 * database, so that the shared context keeps its registration of the client).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(PropuskIntegrationTest.Clocks.class)
class DemoRelyingPartyBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "синий-трамвай-за-углом-8";
  static final int PORT = freePort();

  @Autowired MutableClock clock;

  @DynamicPropertySource
  static void ownAddress(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("propusk.public-url", () -> "http://localhost:" + PORT);
    TestDatabases.isolate(registry, "demo_rp_tests");
  }

  @Test
  void aCitizenSignsInToTheDemoPortalThroughPropuskAndSeesWhatItReceived() {
    String phone = TestContacts.phone();
    ApiClient registered = TestAccounts.registerByPhone(port, phone, PASSWORD);
    String accountId = registered.get("/api/v1/me").text("id");
    SecondFactorEnrolment.App app = SecondFactorEnrolment.turnAppOn(registered, clock);

    browser.open("/demo-rp");
    assertThat(browser.text("h1")).isEqualTo("Демо-портал");
    browser.click("#scope-profile");
    browser.click("#level-simplified");
    screenshots("demo-rp");
    browser.submit("#demo-sign-in");

    browser.waitForPath("/login\\?.*");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/login/second-factor");
    browser.type("#code", app.nextCode(clock));
    browser.submit("main form:not(.resend) button[type=submit]");

    // the first time, the citizen sees exactly what the portal will receive and allows it
    browser.waitForPath("/oauth2/consent.*");
    assertThat(browser.text("main")).contains("Демо-портал");
    screenshots("demo-rp-consent");
    browser.click("#consent-allow");

    browser.waitForPath("/demo-rp/result");
    assertThat(browser.text("h1")).isEqualTo("Вход через Пропуск выполнен");
    assertThat(browser.text("#demo-sub")).isEqualTo(accountId);
    assertThat(browser.text("#demo-acr")).isEqualTo("urn:propusk:level:simplified");
    assertThat(claim("id-token-claims", "iss")).isEqualTo("http://localhost:" + PORT);
    assertThat(claim("id-token-claims", "aud")).isEqualTo("[\"demo-rp\"]");
    assertThat(claim("id-token-claims", "amr")).isEqualTo("[\"pwd\",\"otp\"]");
    assertThat(claim("id-token-claims", "auth_time")).matches("\\d+");
    assertThat(browser.text("#id-token-claims dd[data-claim='auth_time']")).matches("\\d+ \\(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d UTC\\)");
    assertThat(browser.findAll("#id-token-claims dd[data-claim=nonce]")).hasSize(1);
    assertThat(claim("userinfo", "sub")).isEqualTo(accountId);
    assertThat(claim("id-token-header", "alg")).isEqualTo("ES256");
    assertThat(claim("id-token-header", "kid")).isNotBlank();
    assertThat(claim("access-token-header", "alg")).isEqualTo("ES256");
    assertThat(claim("token-response", "scope")).isEqualTo("openid profile");
    screenshots("demo-rp-result");

    // the demo portal in the catalogue, open, linking to its page
    browser.open("/");
    assertThat(browser.find("li[data-service=demo-rp]").getAttribute("data-open")).isEqualTo("true");
    assertThat(browser.find("li[data-service=demo-rp] a").getAttribute("href")).isEqualTo("http://localhost:" + PORT + "/demo-rp");
    assertThat(browser.find("li[data-service=e-voting]").getAttribute("data-open")).isEqualTo("false");
    screenshots("home-catalogue");
  }

  @Test
  void aCallbackThatThisBrowserDidNotStartIsRefused() {
    browser.open("/demo-rp");
    browser.submit("#demo-sign-in");
    browser.waitForPath("/login\\?.*");

    // an answer with another state (someone else's code planted in this browser: login CSRF)
    browser.open("/demo-rp/callback?code=planted&state=someone-elses");
    assertThat(browser.text("#demo-refused")).contains("Портал не принял ответ Пропуска", "state");
    screenshots("demo-rp-refused");
  }

  private String claim(String list, String name) {
    return browser.text("#" + list + " dd[data-claim='" + name + "'] code");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
