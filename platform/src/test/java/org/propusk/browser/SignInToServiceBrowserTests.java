package org.propusk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propusk.test.RelyingParty.RP;
import static org.propusk.test.RelyingParty.RP_CALLBACK;
import static org.propusk.test.RelyingParty.pathOf;

import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A citizen who is not signed in comes from a service that needs no consent: the last form they
 * submit at Propusk (password, or second factor) ends in a chain of redirects to the service's
 * own origin, which the pages' {@code form-action} must not block.
 */
@PropuskIntegrationTest
class SignInToServiceBrowserTests extends BrowserTestSupport {

  static final String PASSWORD = "зелёный-мост-через-реку-5";

  @Value("${propusk.public-url}") String issuer;
  @Autowired MutableClock clock;

  @Test
  void thePasswordFormEndsAtTheServiceWithACode() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    State state = new State();
    openAuthorizationRequest(state);

    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.click("#sign-in-submit");

    assertArrivedWithCode(state);
  }

  @Test
  void theSecondFactorFormEndsAtTheServiceWithACode() throws Exception {
    String phone = TestContacts.phone();
    ApiClient owner = TestAccounts.registerByPhone(port, phone, PASSWORD);
    SecondFactorEnrolment.App app = SecondFactorEnrolment.turnAppOn(owner, clock);
    State state = new State();
    openAuthorizationRequest(state);

    browser.type("#login", phone);
    browser.type("#password", PASSWORD);
    browser.submit("#sign-in-submit");
    browser.waitForPath("/login/second-factor");
    browser.type("#code", app.nextCode(clock));
    browser.click("main form:not(.resend) button[type=submit]");

    assertArrivedWithCode(state);
  }

  private void openAuthorizationRequest(State state) {
    AuthenticationRequest request =
        new RelyingParty(port, issuer, clock)
            .authorize(RP, RP_CALLBACK, "openid", state, new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256)
            .build();
    browser.open(pathOf(request.toURI()));
    browser.waitForPath("/login\\?.*");
  }

  /**
   * The browser's address is the service's callback with a code, the state and Propusk's issuer:
   * had the policy blocked the last redirect, the browser would have stayed at Propusk (with a
   * policy violation in its console).
   */
  private void assertArrivedWithCode(State state) throws Exception {
    String arrived =
        browser.wait(
            d -> d.getCurrentUrl().startsWith(RP_CALLBACK + "?") ? d.getCurrentUrl() : null,
            "the service's callback");
    AuthorizationResponse answer = AuthorizationResponse.parse(URI.create(arrived));
    assertThat(answer.indicatesSuccess()).as(arrived).isTrue();
    AuthorizationSuccessResponse success = answer.toSuccessResponse();
    assertThat(success.getAuthorizationCode()).isNotNull();
    assertThat(success.getState()).isEqualTo(state);
    assertThat(success.getIssuer()).isEqualTo(new Issuer(issuer));
    // the unreachable service's own error page is not Propusk's
    assertThat(browser.consoleProblems()).noneMatch(problem -> problem.contains("Content Security Policy"));
  }
}
