package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.propusk.federation.FederationFlows.Client;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;

/**
 * Client credentials (RFC 6749, section 4.4) for services, with the Nimbus SDK as the service: a
 * confidential client registered for it gets an ES256 access token for itself (no citizen: {@code
 * sub} is the client id) carrying only its service scopes, for five minutes, introspectable by
 * itself and by resource servers; every other client is refused, and no personal-data scope or
 * {@code openid} ever rides on such a token.
 */
@PropuskIntegrationTest
class ClientCredentialsIntegrationTests extends RelyingPartyTestSupport {

  static final Client SERVICE =
      new Client(new ClientID("test-service"), new Secret("test-service-secret-0123456789"), URI.create("https://service.example/callback"));


  @Test
  void aServiceGetsASignedFiveMinuteTokenForItselfWithTheScopeItAskedFor() throws Exception {
    clock.freeze();
    AccessTokenResponse answer = granted(SERVICE, new Scope("api:catalogue"));

    assertThat(answer.getTokens().getRefreshToken()).as("no refresh token for a service").isNull();
    assertThat(answer.getCustomParameters()).doesNotContainKey("id_token");
    AccessToken token = answer.getTokens().getAccessToken();
    // expires_in is counted by Spring from the real time to exp (whole seconds): 299 or 300
    assertThat(token.getLifetime()).isBetween(290L, 300L);
    assertThat(token.getScope().toStringList()).containsExactly("api:catalogue");

    SignedJWT jwt = SignedJWT.parse(token.getValue());
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    JWKSet published = JWKSet.load(rp.endpoint("/oauth2/jwks").toURL());
    assertThat(jwt.verify(new ECDSAVerifier(published.getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey()))).isTrue();
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(issuer);
    assertThat(claims.getSubject()).isEqualTo("test-service");
    assertThat(claims.getAudience()).containsExactly("test-service");
    assertThat(claims.getStringClaim("client_id")).isEqualTo("test-service");
    assertThat(claims.getStringListClaim("scope")).containsExactly("api:catalogue");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant())).hasMinutes(5);
    // nothing about a citizen
    assertThat(claims.getClaims()).containsOnlyKeys("iss", "sub", "aud", "iat", "exp", "jti", "scope", "client_id");
  }

  @Test
  void withoutAScopeTheTokenCarriesAllTheServiceScopesButNoCitizenScope() throws Exception {
    AccessToken token = granted(SERVICE, null).getTokens().getAccessToken();

    assertThat(token.getScope().toStringList()).containsExactlyInAnyOrder("api", "api:catalogue");
    assertThat(SignedJWT.parse(token.getValue()).getJWTClaimsSet().getStringListClaim("scope"))
        .containsExactlyInAnyOrder("api", "api:catalogue")
        .doesNotContain("openid");
  }

  @Test
  void openidPersonalDataAndScopesNotRegisteredAreRefused() throws Exception {
    // the client holds openid for its sign-ins, but a token without a citizen never carries it
    assertThat(refused(SERVICE, new Scope("openid"))).isEqualTo("invalid_scope");
    assertThat(refused(SERVICE, new Scope("api", "openid"))).isEqualTo("invalid_scope");
    assertThat(refused(SERVICE, new Scope("profile"))).isEqualTo("invalid_scope");
    assertThat(refused(SERVICE, new Scope("api:payments"))).isEqualTo("invalid_scope");
  }

  @Test
  void clientsNotRegisteredForItAndWrongSecretsAreRefused() throws Exception {
    assertThat(refused(Client.RP, new Scope("api"))).isEqualTo("unauthorized_client");
    assertThat(refused(Client.RP, null)).isEqualTo("unauthorized_client");
    assertThat(refused(Client.API, null)).isEqualTo("unauthorized_client");
    assertThat(refused(new Client(SERVICE.id(), new Secret("not-the-secret-0123456789"), SERVICE.callback()), null))
        .isEqualTo("invalid_client");
    // a public client has nothing to prove who it is with
    HTTPRequest asPublicClient = new HTTPRequest(HTTPRequest.Method.POST, rp.endpoint("/oauth2/token"));
    asPublicClient.setEntityContentType(ContentType.APPLICATION_URLENCODED);
    asPublicClient.setBody("grant_type=client_credentials&client_id=test-spa");
    HTTPResponse spa = asPublicClient.send();
    assertThat(spa.getStatusCode()).isEqualTo(401);
    assertThat(String.valueOf(spa.getBody())).doesNotContain("access_token");
  }

  @Test
  void itsOwnClientAndResourceServersSeeTheTokenActiveUntilItExpiresOrIsRevoked() throws Exception {
    clock.freeze();
    AccessToken token = granted(SERVICE, new Scope("api")).getTokens().getAccessToken();

    TokenIntrospectionSuccessResponse own = flows.introspect(SERVICE, token).toSuccessResponse();
    assertThat(own.isActive()).isTrue();
    assertThat(own.getSubject().getValue()).isEqualTo("test-service");
    assertThat(own.getClientID()).isEqualTo(SERVICE.id());
    assertThat(own.getScope().toStringList()).containsExactly("api");
    assertThat(flows.active(Client.API, token)).as("a resource server").isTrue();
    assertThat(flows.active(Client.RP, token)).as("an unrelated client").isFalse();

    clock.advance(Duration.ofMinutes(5).minusSeconds(1));
    assertThat(flows.active(Client.API, token)).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(flows.active(Client.API, token)).isFalse();
    assertThat(flows.active(SERVICE, token)).isFalse();

    AccessToken revoked = granted(SERVICE, new Scope("api")).getTokens().getAccessToken();
    assertThat(flows.revoke(Client.RP, revoked)).as("another client cannot revoke it").isEqualTo(400);
    assertThat(flows.active(Client.API, revoked)).isTrue();
    assertThat(flows.revoke(SERVICE, revoked)).isEqualTo(200);
    assertThat(flows.active(Client.API, revoked)).isFalse();
  }

  @Test
  void aServiceTokenOpensNoUserinfo() throws Exception {
    AccessToken token = granted(SERVICE, new Scope("api")).getTokens().getAccessToken();

    assertThat(flows.userInfoStatus(token)).isEqualTo(403);
  }

  @Test
  void serviceScopesCannotBeAskedForInASignIn() throws Exception {
    URI request =
        rp.authorize(SERVICE.id(), SERVICE.callback(), "openid api", new State(), new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256)
            .build()
            .toURI();

    String answer = rp.location(new ApiClient(port).get(RelyingParty.pathOf(request)));
    assertThat(answer).startsWith(SERVICE.callback().toString());
    assertThat(RelyingParty.parameter(answer, "error")).isEqualTo("invalid_scope");
  }

  @Test
  void discoveryAnnouncesTheGrant() {
    ApiClient.Response metadata = new ApiClient(port).get("/.well-known/openid-configuration");

    assertThat(metadata.json().get("grant_types_supported").toString()).contains("\"client_credentials\"");
  }

  private AccessTokenResponse granted(Client client, Scope scope) throws Exception {
    TokenResponse answer = request(client, scope);
    assertThat(answer.indicatesSuccess()).as(() -> answer.toErrorResponse().getErrorObject().toString()).isTrue();
    return answer.toSuccessResponse();
  }

  private String refused(Client client, Scope scope) throws Exception {
    TokenResponse answer = request(client, scope);
    assertThat(answer.indicatesSuccess()).isFalse();
    return answer.toErrorResponse().getErrorObject().getCode();
  }

  private TokenResponse request(Client client, Scope scope) throws Exception {
    return TokenResponse.parse(
        new TokenRequest(rp.endpoint("/oauth2/token"), new ClientSecretBasic(client.id(), client.secret()), new ClientCredentialsGrant(), scope)
            .toHTTPRequest()
            .send());
  }
}
