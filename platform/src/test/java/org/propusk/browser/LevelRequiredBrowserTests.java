package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propusk.test.RelyingParty.RP;
import static org.propusk.test.RelyingParty.RP_CALLBACK;
import static org.propusk.test.RelyingParty.pathOf;

import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A service asks for a Standard account of a citizen whose account is Simplified: after the
 * sign-in, the page that says which step raises the level, and "back to the service", which the
 * service hears as {@code access_denied} with its state and Propusk's {@code iss}.
 */
@PropuskIntegrationTest
class LevelRequiredBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "светлый-дождь-над-садом-4";

  @Value("${propusk.public-url}") String issuer;
  @Autowired MutableClock clock;

  @Test
  void theLevelPageExplainsTheStepAndLeadsBackToTheService() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    State state = new State();
    AuthenticationRequest request =
        new RelyingParty(port, issuer, clock)
            .authorize(RP, RP_CALLBACK, "openid", state, new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256)
            .acrValues(List.of(new ACR("urn:propusk:level:standard")))
            .build();

    browser.open(pathOf(request.toURI()));
    browser.waitForPath("/login\\?.*");
    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("#sign-in-submit");
    browser.waitForPath("/federation/level-required\\?.*");

    assertThat(browser.driver().getTitle()).isEqualTo("Нужен более высокий уровень учётной записи — Пропуск");
    assertThat(browser.text("main .lead")).isEqualTo("Сервис «Тестовый портал» принимает учётные записи уровня «Стандартная» и выше.");
    assertThat(browser.text("#current-level")).isEqualTo("Ваш уровень сейчас: «Упрощённая».");
    assertThat(browser.find("#take-step").getAttribute("href")).endsWith("/profile");
    assertThat(browser.find("#continue").getAttribute("href")).isEqualTo(browser.base() + pathOf(request.toURI()));
    screenshots("federation-level-required");

    assertThat(browser.consoleProblems()).isEmpty();
    browser.click("#back");
    browser.wait(d -> d.getCurrentUrl().startsWith(RP_CALLBACK.toString()) ? Boolean.TRUE : null, "the service's callback");

    AuthorizationResponse answer = AuthorizationResponse.parse(URI.create(browser.driver().getCurrentUrl()));
    assertThat(answer.indicatesSuccess()).isFalse();
    AuthorizationErrorResponse error = answer.toErrorResponse();
    assertThat(error.getErrorObject().getCode()).isEqualTo("access_denied");
    assertThat(error.getState()).isEqualTo(state);
    assertThat(error.getIssuer()).isEqualTo(new Issuer(issuer));
    // the test's relying party has no server: the browser's complaint about that is not the page's
    browser.consoleProblems();
  }
}
