package org.propusk.federation.internal.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What the OpenID conformance suite needs of Propusk (scripts/conformance.sh): the {@code
 * conformance} profile's citizen, signing in as the suite's browser does through a confidential
 * client without PKCE configured like the suite's static clients, and a client that sends its
 * secret in the form body once {@code propusk.federation.client-secret-post} allows it.
 */
@PropuskIntegrationTest
@ActiveProfiles(resolver = ConformanceProfileIntegrationTests.WithConformance.class)
@TestPropertySource(
    properties = {
      "propusk.conformance.citizen.phone=" + ConformanceProfileIntegrationTests.PHONE,
      "propusk.conformance.citizen.password=" + ConformanceProfileIntegrationTests.PASSWORD,
      // a sandbox citizen no other test names (VerifiedProfiles may pick any; the chance is small)
      "propusk.conformance.citizen.profile.last-name=Данилов",
      "propusk.conformance.citizen.profile.first-name=Иван",
      "propusk.conformance.citizen.profile.patronymic=Ильич",
      "propusk.conformance.citizen.profile.gender=male",
      "propusk.conformance.citizen.profile.birth-date=1981-01-09",
      "propusk.conformance.citizen.profile.birth-place=г. Армавир",
      "propusk.conformance.citizen.profile.citizenship=RU",
      "propusk.conformance.citizen.profile.snils=150-057-421 18",
      "propusk.conformance.citizen.profile.passport-series=75 01",
      "propusk.conformance.citizen.profile.passport-number=344728",
      "propusk.conformance.citizen.profile.passport-issued-on=19.01.2001",
      "propusk.conformance.citizen.profile.passport-issuer=УФМС России по Челябинской области",
      "propusk.conformance.citizen.profile.division-code=740026",
      "propusk.federation.clients.suite.redirect-uris=" + ConformanceProfileIntegrationTests.CALLBACK,
      "propusk.federation.clients.suite.scopes=openid",
      "propusk.federation.clients.suite.secret=" + ConformanceProfileIntegrationTests.SECRET,
      "propusk.federation.clients.suite.require-pkce=false",
      "propusk.federation.clients.suite.consent-required=false",
      "propusk.federation.client-secret-post=true",
      "propusk.federation.clients.suite-post.redirect-uris=" + ConformanceProfileIntegrationTests.CALLBACK,
      "propusk.federation.clients.suite-post.scopes=openid",
      "propusk.federation.clients.suite-post.secret=" + ConformanceProfileIntegrationTests.SECRET,
      "propusk.federation.clients.suite-post.auth-method=client_secret_post",
      "propusk.federation.clients.suite-post.require-pkce=false",
      "propusk.federation.clients.suite-post.consent-required=false"
    })
class ConformanceProfileIntegrationTests {

  // +7900... numbers are never made by TestContacts, so no other test registers this one
  static final String PHONE = "+79000000031";
  static final String PASSWORD = "сверка-протокола-у-причала-9";
  static final String CALLBACK = "https://localhost:8443/test/a/propusk/callback";
  static final String SECRET = "suite-secret-0123456789abcdef";
  static final ClientID SUITE = new ClientID("suite");
  static final ClientID SUITE_POST = new ClientID("suite-post");

  /** The tests' profiles and {@code conformance}. */
  public static class WithConformance extends TestProfiles {
    @Override
    public String[] resolve(Class<?> testClass) {
      List<String> profiles = new ArrayList<>(Arrays.asList(super.resolve(testClass)));
      profiles.add("conformance");
      return profiles.toArray(String[]::new);
    }
  }

  @LocalServerPort int port;
  @Value("${propusk.public-url}") String issuer;
  @Autowired MutableClock clock;
  @Autowired ConformanceCitizen citizen;
  RelyingParty rp;

  @BeforeEach
  void relyingParty() {
    rp = new RelyingParty(port, issuer, clock);
  }

  @Test
  void theSuitesBrowserSignsInAsTheConfiguredCitizenWithoutPkce() throws Exception {
    // as after a restart on the same database: the citizen is there already
    citizen.run(new DefaultApplicationArguments());
    ApiClient browser = new ApiClient(port);
    Nonce nonce = new Nonce();

    AuthorizationCode code = signIn(browser, SUITE, nonce);

    TokenResponse tokens = rp.tokens(new ClientSecretBasic(SUITE, new Secret(SECRET)), code, URI.create(CALLBACK), null);
    assertThat(tokens.indicatesSuccess()).as(() -> tokens.toErrorResponse().getErrorObject().toString()).isTrue();
    IDTokenClaimsSet claims =
        rp.validate(((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken(), SUITE, JWSAlgorithm.ES256, nonce);
    assertThat(claims.getSubject().getValue()).isEqualTo(browser.get("/api/v1/me").text("id"));
  }

  @Test
  void aClientRegisteredForClientSecretPostSendsItsSecretInTheBodyAndNoOtherWay() throws Exception {
    JsonNode metadata = new ApiClient(port).get("/.well-known/openid-configuration").json();
    assertThat(metadata.get("token_endpoint_auth_methods_supported").valueStream().map(JsonNode::asString).toList())
        .containsExactly("client_secret_basic", "client_secret_post", "private_key_jwt", "none");
    Nonce nonce = new Nonce();
    AuthorizationCode code = signIn(new ApiClient(port), SUITE_POST, nonce);

    // a refused client authentication leaves the code unused
    TokenResponse basic = rp.tokens(new ClientSecretBasic(SUITE_POST, new Secret(SECRET)), code, URI.create(CALLBACK), null);
    assertThat(basic.indicatesSuccess()).isFalse();
    assertThat(basic.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
    TokenResponse post = rp.tokens(new ClientSecretPost(SUITE_POST, new Secret(SECRET)), code, URI.create(CALLBACK), null);
    assertThat(post.indicatesSuccess()).as(() -> post.toErrorResponse().getErrorObject().toString()).isTrue();
    rp.validate(((OIDCTokenResponse) post.toSuccessResponse()).getOIDCTokens().getIDToken(), SUITE_POST, JWSAlgorithm.ES256, nonce);
    // a Basic client may not send its secret in the body: refused before its code is even looked at
    TokenResponse bodyOfBasicClient =
        rp.tokens(new ClientSecretPost(SUITE, new Secret(SECRET)), new AuthorizationCode(), URI.create(CALLBACK), null);
    assertThat(bodyOfBasicClient.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
  }

  /** The suite's authorization request (no PKCE), signed in as the citizen; returns the code. */
  private AuthorizationCode signIn(ApiClient browser, ClientID client, Nonce nonce) {
    State state = new State();
    AuthenticationRequest request =
        new AuthenticationRequest.Builder(new ResponseType("code"), Scope.parse("openid"), client, URI.create(CALLBACK))
            .endpointURI(rp.endpoint("/oauth2/authorize"))
            .state(state)
            .nonce(nonce)
            .build();
    URI redirected = rp.signIn(browser, request, PHONE, PASSWORD, null, clock);
    AuthorizationResponse response;
    try {
      response = AuthorizationResponse.parse(redirected);
    } catch (ParseException e) {
      throw new AssertionError(redirected.toString(), e);
    }
    assertThat(response.indicatesSuccess()).as(redirected.toString()).isTrue();
    assertThat(response.getState()).isEqualTo(state);
    return response.toSuccessResponse().getAuthorizationCode();
  }
}
