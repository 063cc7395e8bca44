package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propusk.test.RelyingParty.RP;
import static org.propusk.test.RelyingParty.RP_CALLBACK;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A service signs out with an ID token of another session of the citizen: Propusk asks before it
 * ends anything, in Russian or English; the citizen signs out with the button and is offered the
 * way back to the service.
 */
@PropuskIntegrationTest
class LogoutConfirmationBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "тихий-огонёк-над-рекой-7";
  static final URI SIGNED_OUT = URI.create("https://rp.example/signed-out");

  @Value("${propusk.public-url}") String issuer;
  @Autowired MutableClock clock;

  @Test
  void theCitizenIsAskedAndSignsOutWithTheButton() throws Exception {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    State state = new State();
    String logout = logoutRequest(idTokenOfAnotherSession(phone), state);
    signIn(phone);

    browser.open(logout);
    browser.waitForPath("/federation/sign-out");
    assertThat(browser.driver().getTitle()).isEqualTo("Выйти из Пропуска? — Пропуск");
    assertThat(browser.text("main .lead")).isEqualTo("Сервис «Тестовый портал» завершил свой сеанс.");
    assertThat(browser.find("main a.button.secondary").getDomAttribute("href"))
        .isEqualTo(SIGNED_OUT + "?state=" + state.getValue());
    screenshots("logout-confirm");

    browser.submit("main form button[type=submit]");
    browser.waitForPath("/federation/sign-out");
    assertThat(browser.text("[role=status]")).isEqualTo("Вы вышли из Пропуска на этом устройстве.");
    assertThat(browser.text("main a.button")).isEqualTo("Вернуться в «Тестовый портал»");
    assertThat(browser.findAll("a[href$='/profile']")).as("signed out").isEmpty();
    screenshots("logout-done");
  }

  @Test
  void thePageSpeaksEnglishWhenAsked() throws Exception {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    String logout = logoutRequest(idTokenOfAnotherSession(phone), new State());
    signIn(phone);

    browser.open(logout);
    browser.waitForPath("/federation/sign-out");
    browser.open("/federation/sign-out?lang=en");
    assertThat(browser.text("h1")).isEqualTo("Sign out of Propusk?");
    assertThat(browser.text("main form button[type=submit]")).isEqualTo("Sign out of Propusk");
    screenshots("logout-confirm-en");
  }

  private void signIn(String phone) {
    browser.open("/login");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/(\\?.*)?");
  }

  /** The relying party's ID token from a sign-in in another browser (an HTTP client). */
  private JWT idTokenOfAnotherSession(String phone) throws Exception {
    RelyingParty rp = new RelyingParty(port, issuer, clock);
    CodeVerifier verifier = new CodeVerifier();
    URI callback =
        rp.signIn(new ApiClient(port), rp.authorize(RP, RP_CALLBACK, "openid", new State(), new Nonce(), verifier, CodeChallengeMethod.S256).build(),
            phone, PASSWORD, null, clock);
    var tokens = rp.tokens(AuthorizationResponse.parse(callback).toSuccessResponse().getAuthorizationCode(), verifier);
    return ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
  }

  private String logoutRequest(JWT idToken, State state) {
    URI uri = new LogoutRequest(URI.create(issuer + "/connect/logout"), idToken, SIGNED_OUT, state).toURI();
    return RelyingParty.pathOf(uri);
  }
}
