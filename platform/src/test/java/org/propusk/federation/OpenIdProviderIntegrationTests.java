package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.propusk.test.RelyingParty.*;
import org.propusk.test.Pages;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The OpenID Connect provider as a relying party sees it, with the Nimbus SDK (not our code) as
 * the relying party and a cookie-keeping HTTP client as the citizen's browser: discovery, the
 * JWKS, the authorization code flow through Propusk's own sign-in (with and without a second
 * factor), and the refusals that keep it safe.
 */
@PropuskIntegrationTest
class OpenIdProviderIntegrationTests {

  static final String PASSWORD = "тихий-огонёк-над-рекой-7";

  @LocalServerPort int port;
  @Value("${propusk.public-url}") String issuer;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  RelyingParty rp;

  @BeforeEach
  void relyingParty() {
    rp = new RelyingParty(port, issuer, clock);
  }

  @Test
  void discoveryAnnouncesWhatIsOfferedAndNothingElse() {
    JsonNode metadata = new ApiClient(port).get("/.well-known/openid-configuration").json();

    assertThat(metadata.get("issuer").asString()).isEqualTo(issuer);
    assertThat(texts(metadata, "grant_types_supported")).containsExactly("authorization_code", "refresh_token", "client_credentials");
    assertThat(texts(metadata, "response_types_supported")).containsExactly("code");
    assertThat(texts(metadata, "token_endpoint_auth_methods_supported")).containsExactly("client_secret_basic", "private_key_jwt", "none");
    assertThat(texts(metadata, "id_token_signing_alg_values_supported")).containsExactly("ES256", "RS256");
    assertThat(texts(metadata, "code_challenge_methods_supported")).containsExactly("S256");
    assertThat(metadata.get("jwks_uri").asString()).isEqualTo(issuer + "/oauth2/jwks");
    assertThat(metadata.has("tls_client_certificate_bound_access_tokens")).isFalse();
    assertThat(metadata.has("dpop_signing_alg_values_supported")).isFalse();
    assertThat(metadata.get("introspection_endpoint").asString()).isEqualTo(issuer + "/oauth2/introspect");
    assertThat(texts(metadata, "introspection_endpoint_auth_methods_supported"))
        .containsExactly("client_secret_basic", "private_key_jwt");
    assertThat(metadata.get("revocation_endpoint").asString()).isEqualTo(issuer + "/oauth2/revoke");
    // from the claim catalogue (ConsentIntegrationTests checks what each scope releases)
    assertThat(texts(metadata, "scopes_supported"))
        .containsExactly("openid", "profile", "email", "phone", "address", "fullname", "birthdate", "gender", "snils", "id_doc", "mobile", "contacts");
    assertThat(texts(metadata, "claims_supported"))
        .contains("sub", "acr", "auth_time", "family_name", "email_verified", "phone_number_verified", "snils", "id_doc")
        .doesNotHaveDuplicates();
  }

  @Test
  void theJwksPublishesAnEs256AndAnRs256KeyWithoutPrivateParts() {
    JsonNode keys = new ApiClient(port).get("/oauth2/jwks").json().get("keys");

    assertThat(keys.valueStream().map(k -> k.get("alg").asString()).toList()).containsExactlyInAnyOrder("ES256", "RS256");
    assertThat(keys.valueStream().map(k -> k.get("kty").asString()).toList()).containsExactlyInAnyOrder("EC", "RSA");
    for (JsonNode key : keys) {
      assertThat(key.has("kid")).isTrue();
      assertThat(key.get("use").asString()).isEqualTo("sig");
      for (String secret : List.of("d", "p", "q", "dp", "dq", "qi")) {
        assertThat(key.has(secret)).as(secret).isFalse();
      }
    }
    // the private parts are sealed in the database, not stored as they are
    assertThat(jdbc.sql("select private_jwk_sealed from federation_signing_key").query(String.class).list())
        .isNotEmpty()
        .allSatisfy(sealed -> assertThat(sealed).doesNotContain("\"d\""));
  }

  @Test
  void aCitizenSignsInThroughPropuskAndTheRelyingPartyGetsAValidIdToken() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    CodeVerifier verifier = new CodeVerifier();
    Nonce nonce = new Nonce();
    State state = new State();
    ApiClient browser = new ApiClient(port);

    AuthenticationRequest request = rp.authorize(RP, RP_CALLBACK, "openid", state, nonce, verifier, CodeChallengeMethod.S256)
        .loginHint(phone)
        .build();
    URI callback = rp.signIn(browser, request, phone, PASSWORD, null, clock);

    AuthorizationResponse response = AuthorizationResponse.parse(callback);
    assertThat(response.indicatesSuccess()).as(callback.toString()).isTrue();
    assertThat(response.getState()).isEqualTo(state);
    AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();

    TokenResponse tokens = rp.tokens(new ClientSecretBasic(RP, RP_SECRET), code, RP_CALLBACK, verifier);
    assertThat(tokens.indicatesSuccess()).as(() -> tokens.toErrorResponse().getErrorObject().toString()).isTrue();
    OIDCTokenResponse ok = (OIDCTokenResponse) tokens.toSuccessResponse();
    JWT idToken = ok.getOIDCTokens().getIDToken();
    assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);

    IDTokenClaimsSet claims =
        rp.validate(idToken, RP, JWSAlgorithm.ES256, nonce);
    String accountId = browser.get("/api/v1/me").text("id");
    assertThat(claims.getSubject().getValue()).isEqualTo(accountId);
    assertThat(claims.getAudience()).extracting(Object::toString).containsExactly("test-rp");
    // how and when the citizen signed in, and at which level
    assertThat(claims.getAuthenticationTime()).isNotNull();
    assertThat(claims.getAuthenticationTime().toInstant()).isBeforeOrEqualTo(clock.instant()).isAfter(clock.instant().minusSeconds(60));
    assertThat(claims.getAMR()).extracting(Object::toString).containsExactly("pwd");
    assertThat(claims.getACR().getValue()).isEqualTo("urn:propusk:level:simplified");
    // a token for another nonce is refused by the relying party's own check
    assertThat(catching(() -> rp.validate(idToken, RP, JWSAlgorithm.ES256, new Nonce()))).isPresent();

    // the access token opens userinfo
    HTTPResponse userInfoAnswer =
        new UserInfoRequest(rp.endpoint("/userinfo"), (BearerAccessToken) ok.getOIDCTokens().getAccessToken())
            .toHTTPRequest()
            .send();
    UserInfoResponse userInfo = UserInfoResponse.parse(userInfoAnswer);
    assertThat(userInfo.indicatesSuccess()).as(() -> userInfo.toErrorResponse().getErrorObject().toString()).isTrue();
    assertThat(userInfo.toSuccessResponse().getUserInfo().getSubject().getValue()).isEqualTo(accountId);

    // a code works once: replayed, it is refused
    TokenResponse replayed = rp.tokens(new ClientSecretBasic(RP, RP_SECRET), code, RP_CALLBACK, verifier);
    assertThat(replayed.indicatesSuccess()).isFalse();
    assertThat(((TokenErrorResponse) replayed).getErrorObject().getCode()).isEqualTo("invalid_grant");
  }

  @Test
  void theLoginHintOnlyFillsTheFieldIn() {
    ApiClient browser = new ApiClient(port);
    AuthenticationRequest request =
        rp.authorize(RP, RP_CALLBACK, "openid", new State(), new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256)
            .loginHint("+7 900 000-00-00\"><script>")
            .build();
    String login = rp.location(Pages.page(browser, pathOf(request.toURI())));
    assertThat(login).startsWith("/login?return=");

    String page = Pages.page(browser, login).raw().body();
    assertThat(page).contains("id=\"sign-in-submit\"");
    assertThat(page).contains("value=\"+7 900 000-00-00&quot;&gt;&lt;script&gt;\"");
  }

  @Test
  void aCitizenWithASecondFactorPassesItOnTheWayBackToTheRelyingParty() throws Exception {
    String phone = TestContacts.phone();
    ApiClient owner = TestAccounts.registerByPhone(port, phone, PASSWORD);
    SecondFactorEnrolment.App app = SecondFactorEnrolment.turnAppOn(owner, clock);
    CodeVerifier verifier = new CodeVerifier();
    Nonce nonce = new Nonce();
    ApiClient browser = new ApiClient(port);

    URI callback =
        rp.signIn(
            browser,
            rp.authorize(RP, RP_CALLBACK, "openid", new State(), nonce, verifier, CodeChallengeMethod.S256).build(),
            phone,
            PASSWORD,
            app,
            clock);

    AuthorizationResponse response = AuthorizationResponse.parse(callback);
    assertThat(response.indicatesSuccess()).as(callback.toString()).isTrue();
    TokenResponse tokens =
        rp.tokens(new ClientSecretBasic(RP, RP_SECRET), response.toSuccessResponse().getAuthorizationCode(), RP_CALLBACK, verifier);
    assertThat(tokens.indicatesSuccess()).isTrue();
    JWT idToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
    IDTokenClaimsSet claims =
        rp.validate(idToken, RP, JWSAlgorithm.ES256, nonce);
    assertThat(claims.getSubject().getValue()).isEqualTo(owner.get("/api/v1/me").text("id"));
    assertThat(claims.getAMR()).extracting(Object::toString).containsExactly("pwd", "otp");
  }

  @Test
  void aPublicClientUsesPkceAndNoSecret() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    ApiClient browser = new ApiClient(port);
    // without a code challenge: refused before any sign-in, back to the client with the error
    String refused =
        rp.location(Pages.page(browser, pathOf(
            new AuthenticationRequest.Builder(new ResponseType("code"), new Scope("openid"), SPA, SPA_CALLBACK)
                .endpointURI(rp.endpoint("/oauth2/authorize"))
                .state(new State())
                .nonce(new Nonce())
                .build()
                .toURI())));
    assertThat(refused).startsWith(SPA_CALLBACK.toString()).contains("error=invalid_request").doesNotContain("code=");

    CodeVerifier verifier = new CodeVerifier();
    URI callback =
        rp.signIn(
            browser,
            rp.authorize(SPA, SPA_CALLBACK, "openid", new State(), new Nonce(), verifier, CodeChallengeMethod.S256).build(),
            phone,
            PASSWORD,
            null,
            clock);
    AuthorizationCode code = AuthorizationResponse.parse(callback).toSuccessResponse().getAuthorizationCode();
    // the wrong verifier is refused, the right one without any secret works
    TokenResponse wrong = TokenResponse.parse(
        new TokenRequest(rp.endpoint("/oauth2/token"), SPA, new AuthorizationCodeGrant(code, SPA_CALLBACK, new CodeVerifier()))
            .toHTTPRequest().send());
    assertThat(wrong.indicatesSuccess()).isFalse();
    TokenResponse right = OIDCTokenResponseParser.parse(
        new TokenRequest(rp.endpoint("/oauth2/token"), SPA, new AuthorizationCodeGrant(code, SPA_CALLBACK, verifier))
            .toHTTPRequest().send());
    assertThat(right.indicatesSuccess()).as(() -> right.toErrorResponse().getErrorObject().toString()).isTrue();
  }

  @Test
  void aPlainCodeChallengeIsRefused() {
    String refused =
        rp.location(Pages.page(new ApiClient(port), pathOf(
            rp.authorize(RP, RP_CALLBACK, "openid", new State(), new Nonce(), new CodeVerifier(), CodeChallengeMethod.PLAIN)
                .build()
                .toURI())));
    assertThat(refused).startsWith(RP_CALLBACK.toString()).contains("error=invalid_request").doesNotContain("code=");
  }

  @Test
  void anUnregisteredRedirectUriGetsAnErrorPageAndNoRedirect() {
    for (URI elsewhere : List.of(URI.create("https://evil.example/callback"), URI.create("https://rp.example/callback/more"))) {
      ApiClient.Response answer =
          Pages.page(new ApiClient(port), pathOf(
              rp.authorize(RP, elsewhere, "openid", new State(), new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256)
                  .build()
                  .toURI()));
      assertThat(answer.status()).as(elsewhere.toString()).isEqualTo(400);
      assertThat(answer.header("Location")).isEmpty();
      assertThat(answer.contentType()).startsWith("text/html");
    }
  }

  @Test
  void aWrongClientSecretIsRefusedAndTheStoredOneIsAKeyedHash() throws Exception {
    TokenResponse refused =
        rp.tokens(new ClientSecretBasic(RP, new Secret("not-the-secret")), new AuthorizationCode("x"), RP_CALLBACK, new CodeVerifier());
    assertThat(refused.indicatesSuccess()).isFalse();
    assertThat(((TokenErrorResponse) refused).getErrorObject().getHTTPStatusCode()).isEqualTo(401);
    assertThat(((TokenErrorResponse) refused).getErrorObject().getCode()).isEqualTo("invalid_client");

    String stored =
        jdbc.sql("select secret_hash from federation_client where client_id = 'test-rp'").query(String.class).single();
    assertThat(stored).isNotEqualTo(RP_SECRET.getValue()).doesNotContain(RP_SECRET.getValue());
    assertThat(stored).doesNotStartWith("$argon2").matches("v1\\$[A-Za-z0-9_-]+\\$[0-9a-f]{64}");
  }

  private static List<String> texts(JsonNode node, String field) {
    return node.get(field).valueStream().map(JsonNode::asString).toList();
  }

  private interface Step {
    void run() throws Exception;
  }

  private static Optional<Exception> catching(Step step) {
    try {
      step.run();
      return Optional.empty();
    } catch (Exception e) {
      return Optional.of(e);
    }
  }
}
