package org.propusk.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
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
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.jwt.proc.BadJWTException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * A relying party of the OpenID Connect provider's tests, with the Nimbus SDK (not our code)
 * building its requests and checking its tokens, and a cookie-keeping {@link ApiClient} as the
 * citizen's browser. The clients are those of the test profile ({@code propusk.federation.clients}).
 */
public final class RelyingParty {

  public static final ClientID RP = new ClientID("test-rp");
  public static final Secret RP_SECRET = new Secret("test-rp-secret-0123456789");
  public static final URI RP_CALLBACK = URI.create("https://rp.example/callback");
  public static final ClientID SPA = new ClientID("test-spa");
  public static final URI SPA_CALLBACK = URI.create("https://spa.example/callback");

  private static final Duration SKEW = Duration.ofSeconds(60);

  private final int port;
  private final String issuer;
  private final Clock clock;

  /**
   * @param clock the provider's clock (the tests' {@link MutableClock}): tokens are dated by it,
   *     so the relying party checks their times against it, not against the real time
   */
  public RelyingParty(int port, String issuer, Clock clock) {
    this.port = port;
    this.issuer = issuer;
    this.clock = clock;
  }

  public String base() {
    return "http://localhost:" + port;
  }

  public URI endpoint(String path) {
    return URI.create(base() + path);
  }

  /** An authorization request of the code flow, with state, nonce and a PKCE challenge. */
  public AuthenticationRequest.Builder authorize(
      ClientID client, URI redirect, String scope, State state, Nonce nonce, CodeVerifier verifier, CodeChallengeMethod method) {
    return new AuthenticationRequest.Builder(new ResponseType("code"), Scope.parse(scope), client, redirect)
        .endpointURI(endpoint("/oauth2/authorize"))
        .state(state)
        .nonce(nonce)
        .codeChallenge(verifier, method);
  }

  /**
   * As a browser: the authorization request, sent to sign in, the sign-in form (and the second
   * factor's, with the app's next code), back to the authorization endpoint, and the redirect
   * that follows, which is returned (to the relying party, or to a page of Propusk's such as
   * consent).
   */
  public URI signIn(
      ApiClient browser, AuthenticationRequest request, String login, String password, SecondFactorEnrolment.App app, MutableClock clock) {
    String signInPage = location(Pages.page(browser, pathOf(request.toURI())));
    assertThat(signInPage).startsWith("/login?return=");
    String returnTo = parameter(signInPage, "return");
    assertThat(returnTo).startsWith("/oauth2/authorize?");
    assertThat(Pages.page(browser, signInPage).status()).isEqualTo(200);

    ApiClient.Response signedIn = Pages.form(browser, "/login", Map.of("login", login, "password", password, "return", returnTo));
    String next = location(signedIn);
    if (app != null) {
      assertThat(next).isEqualTo("/login/second-factor");
      next = location(Pages.form(browser, "/login/second-factor", Map.of("method", "totp", "code", app.nextCode(clock))));
    }
    assertThat(next).isEqualTo(returnTo);
    return URI.create(location(Pages.page(browser, next)));
  }

  /** The token request for a code, as the client authenticates itself. */
  public TokenResponse tokens(ClientAuthentication client, AuthorizationCode code, URI redirect, CodeVerifier verifier)
      throws Exception {
    return OIDCTokenResponseParser.parse(
        new TokenRequest(endpoint("/oauth2/token"), client, new AuthorizationCodeGrant(code, redirect, verifier))
            .toHTTPRequest()
            .send());
  }

  public TokenResponse tokens(AuthorizationCode code, CodeVerifier verifier) throws Exception {
    return tokens(new ClientSecretBasic(RP, RP_SECRET), code, RP_CALLBACK, verifier);
  }

  /**
   * The relying party's own check of an ID token: signature against the JWKS, issuer, audience,
   * nonce, and times. Nimbus checks times against the real time only, so it is given the clock's
   * lead as extra skew, and {@code iat} and {@code exp} are checked here against the provider's clock.
   */
  public IDTokenClaimsSet validate(JWT idToken, ClientID client, JWSAlgorithm algorithm, Nonce nonce) throws Exception {
    IDTokenValidator validator = new IDTokenValidator(new Issuer(issuer), client, algorithm, endpoint("/oauth2/jwks").toURL());
    Instant now = clock.instant();
    validator.setMaxClockSkew((int) (SKEW.toSeconds() + Duration.between(Instant.now(), now).abs().toSeconds()));
    IDTokenClaimsSet claims = validator.validate(idToken, nonce);
    if (!claims.getExpirationTime().toInstant().isAfter(now.minus(SKEW))) {
      throw new BadJWTException("expired by the provider's clock");
    }
    if (claims.getIssueTime().toInstant().isAfter(now.plus(SKEW))) {
      throw new BadJWTException("issued in the future by the provider's clock");
    }
    return claims;
  }

  /** The redirect's target as a path of this site, or as it is when it leads elsewhere. */
  public String location(ApiClient.Response answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
    String location = answer.header("Location").orElseThrow();
    return location.startsWith(base()) ? location.substring(base().length()) : location;
  }

  public static String pathOf(URI uri) {
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  /** One parameter of a path's query, decoded. */
  public static String parameter(String pathAndQuery, String name) {
    return Arrays.stream(pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).split("&"))
        .filter(p -> p.startsWith(name + "="))
        .map(p -> URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8))
        .findFirst()
        .orElseThrow();
  }
}
