package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propusk.test.RelyingParty.RP;
import static org.propusk.test.RelyingParty.RP_CALLBACK;
import static org.propusk.test.RelyingParty.pathOf;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-in pages' content security policy names the service's origin in {@code form-action}
 * when, and only when, their form returns to an authorization request whose redirect URI the
 * client registered: browsers check the redirects after the form against it
 * ({@code SignInToServiceBrowserTests} shows the browser side).
 */
@PropuskIntegrationTest
class SignInFormPolicyTests {

  static final String PASSWORD = "медленная-лодка-у-причала-6";
  static final String ONLY_SELF = "form-action 'self'";
  static final String SERVICE = "form-action 'self' https://rp.example";
  /** test-par: registered for pushed requests only. */
  static final ClientID PAR_CLIENT = new ClientID("test-par");

  @LocalServerPort int port;
  @Value("${propusk.public-url}") String issuer;
  @Autowired MutableClock clock;
  RelyingParty rp;

  @BeforeEach
  void relyingParty() {
    rp = new RelyingParty(port, issuer, clock);
  }

  @Test
  void theSignInPageOfAServiceAllowsItsOriginAlsoAfterAWrongPassword() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    ApiClient browser = new ApiClient(port);
    String login = rp.location(Pages.page(browser, authorizationRequest(RP_CALLBACK)));

    assertThat(formAction(Pages.page(browser, login))).isEqualTo(SERVICE);

    ApiClient.Response wrong =
        Pages.form(browser, "/login", Map.of("login", phone, "password", "не-тот-пароль-1", "return", RelyingParty.parameter(login, "return")));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(formAction(wrong)).isEqualTo(SERVICE);
  }

  @Test
  void theSecondFactorPageOfAServiceAllowsItsOrigin() {
    String phone = TestContacts.phone();
    ApiClient owner = TestAccounts.registerByPhone(port, phone, PASSWORD);
    SecondFactorEnrolment.turnAppOn(owner, clock);
    ApiClient browser = new ApiClient(port);
    String login = rp.location(Pages.page(browser, authorizationRequest(RP_CALLBACK)));
    Pages.page(browser, login);

    ApiClient.Response password =
        Pages.form(browser, "/login", Map.of("login", phone, "password", PASSWORD, "return", RelyingParty.parameter(login, "return")));
    assertThat(rp.location(password)).isEqualTo("/login/second-factor");

    assertThat(formAction(Pages.page(browser, "/login/second-factor"))).isEqualTo(SERVICE);
  }

  @Test
  void aPushedRequestAllowsTheOriginOfTheRedirectUriItWasPushedWith() throws Exception {
    PushedAuthorizationResponse pushed =
        PushedAuthorizationResponse.parse(
            new PushedAuthorizationRequest(
                    rp.endpoint("/oauth2/par"),
                    new ClientSecretBasic(PAR_CLIENT, new Secret("test-par-secret-0123456789")),
                    rp.authorize(PAR_CLIENT, URI.create("https://par.example/callback"), "openid", new State(), new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256)
                        .build())
                .toHTTPRequest()
                .send());
    URI requestUri = pushed.toSuccessResponse().getRequestURI();
    ApiClient browser = new ApiClient(port);
    String login =
        rp.location(Pages.page(browser, pathOf(new AuthorizationRequest.Builder(requestUri, PAR_CLIENT).endpointURI(rp.endpoint("/oauth2/authorize")).build().toURI())));

    assertThat(formAction(Pages.page(browser, login))).isEqualTo("form-action 'self' https://par.example");
  }

  @Test
  void thePasswordConfirmationReturningToAServiceAllowsItsOrigin() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);

    assertThat(formAction(Pages.page(citizen, "/login/confirm?return=" + encode(authorizationRequest(RP_CALLBACK)))))
        .isEqualTo(SERVICE);
  }

  @Test
  void noOtherOriginForAnUnregisteredRedirectUriAnUnknownClientOrAPageOfThisSite() {
    ApiClient browser = new ApiClient(port);
    // written into a link to the sign-in page: the authorization endpoint would refuse it
    String unregistered = authorizationRequest(URI.create("https://attacker.example/callback"));
    String unknownClient = authorizationRequest(RP_CALLBACK).replace("client_id=test-rp", "client_id=nobody");

    assertThat(formAction(Pages.page(browser, "/login?return=" + encode(unregistered)))).isEqualTo(ONLY_SELF);
    assertThat(formAction(Pages.page(browser, "/login?return=" + encode(unknownClient)))).isEqualTo(ONLY_SELF);
    assertThat(formAction(Pages.page(browser, "/login?return=" + encode("/account/security")))).isEqualTo(ONLY_SELF);
    assertThat(formAction(Pages.page(browser, "/login?return=" + encode("https://rp.example/callback")))).isEqualTo(ONLY_SELF);
  }

  private String authorizationRequest(URI redirect) {
    return pathOf(
        rp.authorize(RP, redirect, "openid", new State(), new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256)
            .build()
            .toURI());
  }

  private static String formAction(ApiClient.Response page) {
    // one policy: a second header would be enforced too, and its form-action would still block
    String policy = page.raw().headers().allValues("Content-Security-Policy").stream().reduce((a, b) -> a + " | " + b).orElseThrow();
    assertThat(policy).as("one policy per page").doesNotContain(" | ").contains("default-src 'self'");
    return policy.substring(policy.indexOf("form-action")).replaceAll(";.*", "");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
