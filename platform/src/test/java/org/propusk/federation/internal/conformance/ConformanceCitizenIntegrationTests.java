package org.propusk.federation.internal.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
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

/**
 * The {@code conformance} profile's citizen (scripts/conformance.sh), signing in as the OpenID
 * conformance suite's browser does: through a confidential client without PKCE, configured like the
 * suite's static clients.
 */
@PropuskIntegrationTest
@ActiveProfiles(resolver = ConformanceCitizenIntegrationTests.WithConformance.class)
@TestPropertySource(
    properties = {
      "propusk.conformance.citizen.phone=" + ConformanceCitizenIntegrationTests.PHONE,
      "propusk.conformance.citizen.password=" + ConformanceCitizenIntegrationTests.PASSWORD,
      "propusk.federation.clients.suite.redirect-uris=" + ConformanceCitizenIntegrationTests.CALLBACK,
      "propusk.federation.clients.suite.scopes=openid",
      "propusk.federation.clients.suite.secret=" + ConformanceCitizenIntegrationTests.SECRET,
      "propusk.federation.clients.suite.require-pkce=false",
      "propusk.federation.clients.suite.consent-required=false"
    })
class ConformanceCitizenIntegrationTests {

  // +7900... numbers are never made by TestContacts, so no other test registers this one
  static final String PHONE = "+79000000031";
  static final String PASSWORD = "сверка-протокола-у-причала-9";
  static final String CALLBACK = "https://localhost:8443/test/a/propusk/callback";
  static final String SECRET = "suite-secret-0123456789abcdef";

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

  @Test
  void theSuitesBrowserSignsInAsTheConfiguredCitizenWithoutPkce() throws Exception {
    // as after a restart on the same database: the citizen is there already
    citizen.run(new DefaultApplicationArguments());
    RelyingParty rp = new RelyingParty(port, issuer);
    ClientID suite = new ClientID("suite");
    URI callback = URI.create(CALLBACK);
    State state = new State();
    Nonce nonce = new Nonce();
    ApiClient browser = new ApiClient(port);

    AuthenticationRequest request =
        new AuthenticationRequest.Builder(new ResponseType("code"), Scope.parse("openid"), suite, callback)
            .endpointURI(rp.endpoint("/oauth2/authorize"))
            .state(state)
            .nonce(nonce)
            .build();
    URI redirected = rp.signIn(browser, request, PHONE, PASSWORD, null, clock);

    AuthorizationResponse response = AuthorizationResponse.parse(redirected);
    assertThat(response.indicatesSuccess()).as(redirected.toString()).isTrue();
    assertThat(response.getState()).isEqualTo(state);
    TokenResponse tokens =
        rp.tokens(
            new ClientSecretBasic(suite, new Secret(SECRET)),
            response.toSuccessResponse().getAuthorizationCode(),
            callback,
            null);
    assertThat(tokens.indicatesSuccess()).as(() -> tokens.toErrorResponse().getErrorObject().toString()).isTrue();
    IDTokenClaimsSet claims =
        rp.validate(((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken(), suite, JWSAlgorithm.ES256, nonce);
    assertThat(claims.getSubject().getValue()).isEqualTo(browser.get("/api/v1/me").text("id"));
  }
}
