package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.propusk.federation.FederationFlows.Client;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;

/**
 * Token introspection (RFC 7662; ADR 6, test plan row 12): a client learns about its own tokens,
 * a client registered as a resource server about the access tokens it is shown, and nobody else
 * about anything: to them every token is {@code active=false}, as if it did not exist.
 */
@PropuskIntegrationTest
class IntrospectionTests extends RelyingPartyTestSupport {

  static final String PASSWORD = "тихий-огонёк-над-рекой-7";


  @Test
  void theClientItWasIssuedToLearnsWhatItsTokensAre() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    ApiClient browser = new ApiClient(port);
    OIDCTokens tokens = flows.tokens(Client.RP, flows.signIn(browser, Client.RP, phone, PASSWORD));
    String account = browser.get("/api/v1/me").text("id");

    TokenIntrospectionSuccessResponse access = flows.introspect(Client.RP, tokens.getAccessToken()).toSuccessResponse();
    assertThat(access.isActive()).isTrue();
    assertThat(access.getSubject().getValue()).isEqualTo(account);
    assertThat(access.getClientID()).isEqualTo(Client.RP.id());
    assertThat(access.getScope().toStringList()).containsExactly("openid");
    assertThat(access.getIssuer().getValue()).isEqualTo(issuer);
    assertThat(flows.active(Client.RP, tokens.getRefreshToken())).isTrue();
  }

  @Test
  void anotherClientLearnsNothingAndAResourceServerOnlyAboutAccessTokens() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    OIDCTokens tokens = flows.tokens(Client.RP, flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD));

    assertThat(flows.active(Client.STANDARD, tokens.getAccessToken())).isFalse();
    assertThat(flows.active(Client.STANDARD, tokens.getRefreshToken())).isFalse();
    TokenIntrospectionSuccessResponse nothing = flows.introspect(Client.STANDARD, tokens.getAccessToken()).toSuccessResponse();
    assertThat(nothing.toJSONObject()).containsOnlyKeys("active");

    assertThat(flows.active(Client.API, tokens.getAccessToken())).isTrue();
    assertThat(flows.active(Client.API, tokens.getRefreshToken())).isFalse();
    // and the owner still sees both: nobody's question changed anything
    assertThat(flows.active(Client.RP, tokens.getAccessToken())).isTrue();
    assertThat(flows.active(Client.RP, tokens.getRefreshToken())).isTrue();
  }

  @Test
  void expiredUnknownAndNonAccessTokensAreInactive() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    clock.freeze();
    OIDCTokens tokens = flows.tokens(Client.RP, flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD));

    assertThat(flows.active(Client.RP, new RefreshToken())).isFalse();
    // an ID token is not a token to introspect
    assertThat(flows.active(Client.RP, new TypelessAccessToken(tokens.getIDTokenString())))
        .isFalse();
    clock.advance(Duration.ofMinutes(5));
    assertThat(flows.active(Client.API, tokens.getAccessToken())).isFalse();
    assertThat(flows.active(Client.RP, tokens.getAccessToken())).isFalse();
    assertThat(flows.active(Client.RP, tokens.getRefreshToken())).isTrue();
  }

  @Test
  void aPublicClientOrAWrongSecretCannotIntrospect() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    OIDCTokens tokens = flows.tokens(Client.RP, flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD));

    int publicClient =
        new TokenIntrospectionRequest(
                rp.endpoint("/oauth2/introspect"), tokens.getAccessToken(), Map.of("client_id", List.of(Client.SPA.id().getValue())))
            .toHTTPRequest()
            .send()
            .getStatusCode();
    assertThat(publicClient).isEqualTo(401);
    Client wrongSecret = new Client(Client.RP.id(), new Secret("not-the-secret"), Client.RP.callback());
    assertThat(flows.introspect(wrongSecret, tokens.getAccessToken()).indicatesSuccess()).isFalse();
  }
}
