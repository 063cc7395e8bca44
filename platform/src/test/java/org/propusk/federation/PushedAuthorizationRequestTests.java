package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propusk.test.RelyingParty.RP;
import static org.propusk.test.RelyingParty.RP_CALLBACK;
import static org.propusk.test.RelyingParty.RP_SECRET;
import static org.propusk.test.RelyingParty.pathOf;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Pushed authorization requests (RFC 9126) with the Nimbus SDK as the relying party: the client
 * pushes its request with its own authentication and sends the browser with a {@code request_uri}
 * only; a client registered for them cannot send a plain request; a {@code request_uri} works
 * once (ADR 6, test plan row 7).
 */
@PropuskIntegrationTest
class PushedAuthorizationRequestTests {

  static final String PASSWORD = "синий-иней-на-ветках-8";
  /** test-par in application-test.yaml: registered for pushed requests only. */
  static final ClientID PAR_CLIENT = new ClientID("test-par");
  static final Secret PAR_SECRET = new Secret("test-par-secret-0123456789");
  static final URI PAR_CALLBACK = URI.create("https://par.example/callback");

  @LocalServerPort int port;
  @Value("${propusk.public-url}") String issuer;
  @Autowired MutableClock clock;
  RelyingParty rp;

  @BeforeEach
  void relyingParty() {
    rp = new RelyingParty(port, issuer, clock);
  }

  @Test
  void discoveryNamesTheEndpointAndThatPushingIsNotRequiredOfEveryone() {
    JsonNode metadata = new ApiClient(port).get("/.well-known/openid-configuration").json();

    assertThat(metadata.get("pushed_authorization_request_endpoint").asString()).isEqualTo(issuer + "/oauth2/par");
    assertThat(metadata.get("require_pushed_authorization_requests").asBoolean()).isFalse();
  }

  @Test
  void aPushedRequestGoesThroughTheSignInOnceAndItsRequestUriIsSpent() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    CodeVerifier verifier = new CodeVerifier();
    Nonce nonce = new Nonce();
    State state = new State();
    AuthenticationRequest pushed =
        rp.authorize(PAR_CLIENT, PAR_CALLBACK, "openid", state, nonce, verifier, CodeChallengeMethod.S256)
            .loginHint(phone)
            .build();

    PushedAuthorizationSuccessResponse accepted = push(new ClientSecretBasic(PAR_CLIENT, PAR_SECRET), pushed).toSuccessResponse();
    assertThat(accepted.getRequestURI().toString()).startsWith("urn:ietf:params:oauth:request_uri:");
    assertThat(accepted.getLifetime()).isBetween(1L, 300L);

    // the browser carries only the client id and the request_uri; the sign-in comes in between
    AuthenticationRequest byReference = byReference(PAR_CLIENT, accepted.getRequestURI());
    ApiClient browser = new ApiClient(port);
    String signInPage = rp.location(Pages.page(browser, pathOf(byReference.toURI())));
    assertThat(signInPage).startsWith("/login?return=").contains("login_hint=");
    URI callback = rp.signIn(browser, byReference, phone, PASSWORD, null, clock);

    AuthorizationResponse response = AuthorizationResponse.parse(callback);
    assertThat(response.indicatesSuccess()).as(callback.toString()).isTrue();
    assertThat(response.getState()).isEqualTo(state);
    assertThat(response.getIssuer()).isEqualTo(new Issuer(issuer));
    TokenResponse tokens =
        rp.tokens(new ClientSecretBasic(PAR_CLIENT, PAR_SECRET), response.toSuccessResponse().getAuthorizationCode(), PAR_CALLBACK, verifier);
    assertThat(tokens.indicatesSuccess()).as(() -> tokens.toErrorResponse().getErrorObject().toString()).isTrue();
    IDTokenClaimsSet claims =
        rp.validate(((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken(), PAR_CLIENT, JWSAlgorithm.ES256, nonce);
    assertThat(claims.getSubject().getValue()).isEqualTo(browser.get("/api/v1/me").text("id"));

    // used once: the same request_uri now is a page, not a redirect, and certainly no code
    ApiClient.Response again = Pages.page(browser, pathOf(byReference.toURI()));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.header("Location")).isEmpty();
  }

  @Test
  void aClientRegisteredForPushedRequestsCannotSendAPlainOne() throws Exception {
    State state = new State();
    AuthenticationRequest plain =
        rp.authorize(PAR_CLIENT, PAR_CALLBACK, "openid", state, new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256).build();

    String answer = rp.location(Pages.page(new ApiClient(port), pathOf(plain.toURI())));

    assertThat(answer).startsWith(PAR_CALLBACK.toString());
    AuthorizationResponse response = AuthorizationResponse.parse(URI.create(answer));
    assertThat(response.indicatesSuccess()).isFalse();
    assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_request");
    assertThat(response.toErrorResponse().getErrorObject().getDescription()).contains("pushed");
    assertThat(response.getState()).isEqualTo(state);
    assertThat(response.getIssuer()).isEqualTo(new Issuer(issuer));
  }

  @Test
  void anyConfidentialClientMayPushButOnlyForItself() throws Exception {
    AuthenticationRequest request =
        rp.authorize(RP, RP_CALLBACK, "openid", new State(), new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256).build();
    PushedAuthorizationSuccessResponse accepted = push(new ClientSecretBasic(RP, RP_SECRET), request).toSuccessResponse();
    assertThat(rp.location(Pages.page(new ApiClient(port), pathOf(byReference(RP, accepted.getRequestURI()).toURI()))))
        .startsWith("/login?return=");

    // another client's request_uri: refused without a redirect
    ApiClient.Response foreign = Pages.page(new ApiClient(port), pathOf(byReference(PAR_CLIENT, accepted.getRequestURI()).toURI()));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.header("Location")).isEmpty();
    // one that was never issued, and one that is not a pushed request's at all
    for (URI made : new URI[] {URI.create("urn:ietf:params:oauth:request_uri:made-up___1"), URI.create("https://rp.example/request.jwt")}) {
      ApiClient.Response unknown = Pages.page(new ApiClient(port), pathOf(byReference(RP, made).toURI()));
      assertThat(unknown.status()).as(made.toString()).isEqualTo(400);
      assertThat(unknown.header("Location")).isEmpty();
    }
  }

  @Test
  void pushingNeedsTheClientsAuthenticationAndAValidRequest() throws Exception {
    AuthenticationRequest request =
        rp.authorize(PAR_CLIENT, PAR_CALLBACK, "openid", new State(), new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256).build();

    ErrorObject wrongSecret = push(new ClientSecretBasic(PAR_CLIENT, new Secret("not-the-secret")), request).toErrorResponse().getErrorObject();
    assertThat(wrongSecret.getCode()).isEqualTo("invalid_client");
    assertThat(wrongSecret.getHTTPStatusCode()).isEqualTo(401);
    ErrorObject noSecret =
        PushedAuthorizationResponse.parse(new PushedAuthorizationRequest(rp.endpoint("/oauth2/par"), request).toHTTPRequest().send())
            .toErrorResponse()
            .getErrorObject();
    assertThat(noSecret.getHTTPStatusCode()).isEqualTo(401);

    ClientSecretBasic client = new ClientSecretBasic(PAR_CLIENT, PAR_SECRET);
    ErrorObject unregistered =
        push(client, rp.authorize(PAR_CLIENT, URI.create("https://par.example/elsewhere"), "openid", new State(), new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256).build())
            .toErrorResponse()
            .getErrorObject();
    assertThat(unregistered.getCode()).isEqualTo("invalid_request");
    ErrorObject requestObject =
        push(client, new AuthenticationRequest.Builder(request).customParameter("request", "eyJhbGciOiJub25lIn0.e30.").build())
            .toErrorResponse()
            .getErrorObject();
    assertThat(requestObject.getCode()).isEqualTo("request_not_supported");
  }

  @Test
  void promptNoneInAPushedRequestAnswersLoginRequiredWithoutASession() throws Exception {
    State state = new State();
    AuthenticationRequest silent =
        rp.authorize(PAR_CLIENT, PAR_CALLBACK, "openid", state, new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256)
            .prompt(new Prompt(Prompt.Type.NONE))
            .build();
    PushedAuthorizationSuccessResponse accepted = push(new ClientSecretBasic(PAR_CLIENT, PAR_SECRET), silent).toSuccessResponse();

    String answer = rp.location(Pages.page(new ApiClient(port), pathOf(byReference(PAR_CLIENT, accepted.getRequestURI()).toURI())));

    AuthorizationResponse response = AuthorizationResponse.parse(URI.create(answer));
    assertThat(response.indicatesSuccess()).as(answer).isFalse();
    assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("login_required");
    assertThat(response.getState()).isEqualTo(state);
    assertThat(response.getIssuer()).isEqualTo(new Issuer(issuer));
  }

  private PushedAuthorizationResponse push(ClientAuthentication client, AuthorizationRequest request) throws Exception {
    return PushedAuthorizationResponse.parse(
        new PushedAuthorizationRequest(rp.endpoint("/oauth2/par"), client, request).toHTTPRequest().send());
  }

  /** The request the browser carries after a push: client id and request_uri. */
  private AuthenticationRequest byReference(ClientID client, URI requestUri) throws Exception {
    return AuthenticationRequest.parse(
        new AuthorizationRequest.Builder(requestUri, client).endpointURI(rp.endpoint("/oauth2/authorize")).build().toURI());
  }
}
