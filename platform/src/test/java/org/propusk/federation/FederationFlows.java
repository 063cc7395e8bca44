package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propusk.test.RelyingParty.pathOf;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.net.URI;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.Pages;
import org.propusk.test.RelyingParty;

/**
 * The token endpoint's grants, revocation, introspection and userinfo as a relying party calls
 * them (Nimbus SDK), for the tests of the token lifecycle: one place, so that each test reads as
 * the behaviour it checks.
 */
public final class FederationFlows {

  /** A registered test client: id, secret (null for a public one) and its redirect URI. */
  public record Client(ClientID id, Secret secret, URI callback) {

    public static final Client RP = new Client(RelyingParty.RP, RelyingParty.RP_SECRET, RelyingParty.RP_CALLBACK);
    public static final Client SPA = new Client(RelyingParty.SPA, null, RelyingParty.SPA_CALLBACK);
    public static final Client STANDARD =
        new Client(new ClientID("test-standard"), new Secret("test-standard-secret-0123456789"), URI.create("https://standard.example/callback"));
    public static final Client API =
        new Client(new ClientID("test-api"), new Secret("test-api-secret-0123456789"), URI.create("https://api.example/callback"));

    public ClientAuthentication authentication() {
      return new ClientSecretBasic(id, secret);
    }
  }

  /** A code, and the verifier and nonce of the request it answers. */
  public record Code(AuthorizationCode code, CodeVerifier verifier, Nonce nonce) {}

  private final RelyingParty rp;
  private final MutableClock clock;

  public FederationFlows(RelyingParty rp, MutableClock clock) {
    this.rp = rp;
    this.clock = clock;
  }

  /** Signs the citizen in through the browser (no second factor) and returns the code for the client. */
  public Code signIn(ApiClient browser, Client client, String login, String password) {
    CodeVerifier verifier = new CodeVerifier();
    Nonce nonce = new Nonce();
    URI callback = rp.signIn(browser, request(client, verifier, nonce), login, password, null, clock);
    return new Code(code(callback), verifier, nonce);
  }

  /** A new code for a browser that is signed in already. */
  public Code again(ApiClient browser, Client client) {
    CodeVerifier verifier = new CodeVerifier();
    Nonce nonce = new Nonce();
    URI callback = URI.create(rp.location(Pages.page(browser, pathOf(request(client, verifier, nonce).toURI()))));
    return new Code(code(callback), verifier, nonce);
  }

  public TokenResponse exchange(Client client, Code code) throws Exception {
    if (client.secret() == null) {
      return OIDCTokenResponseParser.parse(
          new TokenRequest(
                  rp.endpoint("/oauth2/token"),
                  client.id(),
                  new AuthorizationCodeGrant(code.code(), client.callback(), code.verifier()))
              .toHTTPRequest()
              .send());
    }
    return rp.tokens(client.authentication(), code.code(), client.callback(), code.verifier());
  }

  public OIDCTokens tokens(Client client, Code code) throws Exception {
    return succeeded(exchange(client, code));
  }

  public TokenResponse refresh(Client client, RefreshToken token) throws Exception {
    return OIDCTokenResponseParser.parse(
        new TokenRequest(rp.endpoint("/oauth2/token"), client.authentication(), new RefreshTokenGrant(token))
            .toHTTPRequest()
            .send());
  }

  public int userInfoStatus(AccessToken token) throws Exception {
    return new UserInfoRequest(rp.endpoint("/userinfo"), (BearerAccessToken) token).toHTTPRequest().send().getStatusCode();
  }

  public int revoke(Client client, Token token) throws Exception {
    return new TokenRevocationRequest(rp.endpoint("/oauth2/revoke"), client.authentication(), token)
        .toHTTPRequest()
        .send()
        .getStatusCode();
  }

  public TokenIntrospectionResponse introspect(Client client, Token token) throws Exception {
    return TokenIntrospectionResponse.parse(
        new TokenIntrospectionRequest(rp.endpoint("/oauth2/introspect"), client.authentication(), token)
            .toHTTPRequest()
            .send());
  }

  public boolean active(Client client, Token token) throws Exception {
    TokenIntrospectionResponse answer = introspect(client, token);
    assertThat(answer.indicatesSuccess()).as(() -> answer.toErrorResponse().getErrorObject().toString()).isTrue();
    return answer.toSuccessResponse().isActive();
  }

  public static OIDCTokens succeeded(TokenResponse response) {
    assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toString()).isTrue();
    return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
  }

  public static String error(TokenResponse response) {
    assertThat(response.indicatesSuccess()).isFalse();
    return ((TokenErrorResponse) response).getErrorObject().getCode();
  }

  private AuthenticationRequest request(Client client, CodeVerifier verifier, Nonce nonce) {
    return rp.authorize(client.id(), client.callback(), "openid", new State(), nonce, verifier, CodeChallengeMethod.S256).build();
  }

  private static AuthorizationCode code(URI callback) {
    AuthorizationResponse response;
    try {
      response = AuthorizationResponse.parse(callback);
    } catch (ParseException e) {
      throw new AssertionError(callback.toString(), e);
    }
    assertThat(response.indicatesSuccess()).as(callback.toString()).isTrue();
    return response.toSuccessResponse().getAuthorizationCode();
  }
}
