package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.VerifiedProfiles;

/**
 * The consent page and the sharing page in a real browser: a portal asks for data, the citizen
 * signs in, reads exactly what the portal will receive (verified values marked), allows it and is
 * sent back to the portal with a code; the sharing page lists the consent and what was sent, and
 * withdraws it. Both pages pass axe-core's WCAG 2.1 AA rules and fit a phone.
 */
@PropuskIntegrationTest
class ConsentBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "тёплый-ветер-над-полем-3";
  static final URI CALLBACK = URI.create("https://rp.example/consent-callback");

  @Test
  void aCitizenAllowsAPortalAndWithdrawsTheConsent() throws Exception {
    String phone = TestContacts.phone();
    ApiClient citizen = TestAccounts.registerByPhone(port, phone, PASSWORD);
    VerifiedProfiles.verify(citizen);
    State state = new State();
    CodeVerifier verifier = new CodeVerifier();
    AuthenticationRequest request =
        new AuthenticationRequest.Builder(
                new ResponseType("code"), Scope.parse("openid profile phone email snils id_doc"), new ClientID("test-consent"), CALLBACK)
            .endpointURI(URI.create(browser.base() + "/oauth2/authorize"))
            .state(state)
            .nonce(new Nonce())
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build();

    browser.open(request.toURI().toString());
    browser.waitForPath("/login.*");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("main form button[type=submit]");
    browser.waitForPath("/oauth2/consent.*");
    assertThat(browser.text("h1")).isEqualTo("Передать данные порталу?");
    assertThat(browser.text("#portal-agency")).isEqualTo("Министерство здравоохранения (тест)");
    assertThat(browser.text("dd[data-claim='snils']")).contains("проверено в ведомстве");
    assertThat(browser.text("dd[data-claim='email']")).contains("не указано — не будет передано");
    screenshots("consent");

    // the portal is elsewhere (and unreachable here): the browser is sent there with a code
    browser.click("#consent-allow");
    String arrived = browser.wait(d -> d.getCurrentUrl().startsWith(CALLBACK.toString()) ? d.getCurrentUrl() : null, "the portal's callback");
    AuthorizationResponse answer = parse(arrived);
    assertThat(answer.indicatesSuccess()).as(arrived).isTrue();
    assertThat(answer.getState()).isEqualTo(state);
    browser.consoleProblems(); // the unreachable portal's own error page is not Propusk's
    // the portal takes its tokens: the ID token is what the sharing log then shows
    TokenResponse tokens =
        new RelyingParty(port, issuer, clock)
            .tokens(
                new ClientSecretBasic(new ClientID("test-consent"), new Secret("test-consent-secret-0123456789")),
                answer.toSuccessResponse().getAuthorizationCode(),
                CALLBACK,
                verifier);
    assertThat(tokens.indicatesSuccess()).isTrue();

    browser.open("/");
    browser.click("#sharing-link");
    browser.waitForPath("/account/sharing");
    assertThat(browser.text("#consents")).contains("Портал записи к врачу", "СНИЛС", "Паспорт гражданина России");
    assertThat(browser.text("#sharing-log")).contains("при входе (ID-токен)", "Уровень учётной записи");
    screenshots("sharing");

    browser.submit("#consents form button[type=submit]");
    browser.waitForPath("/account/sharing");
    assertThat(browser.text("p.notice")).isEqualTo("Согласие для «Портал записи к врачу» отозвано, его вход в вашу учётную запись завершён.");
    assertThat(browser.text("#no-consents")).isEqualTo("Сейчас ни у одного портала нет вашего разрешения.");
    screenshots("sharing-withdrawn");

    browser.open("/account/sharing?lang=en");
    assertThat(browser.text("h1")).isEqualTo("Data shared with portals");
    browser.open("/?lang=ru");
  }

  @Value("${propusk.public-url}")
  String issuer;

  @Autowired MutableClock clock;

  private static AuthorizationResponse parse(String url) {
    try {
      return AuthorizationResponse.parse(URI.create(url));
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new IllegalStateException(url, e);
    }
  }
}
