package org.propusk.federation.internal.claims;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.propusk.account.AccountLevel;
import org.propusk.account.Accounts;
import org.propusk.federation.internal.authorization.RequestedLevel;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.propusk.federation.internal.keys.SigningKeys;
import org.propusk.federation.internal.logout.OidcSessions;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.Citizen;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What Propusk adds to the tokens Spring signs (the JWT generator's customizer).
 *
 * <ul>
 *   <li>Every grant: the account is read again through {@link Accounts} (at a refresh hours after
 *       the sign-in too; once for both tokens of one answer), and a token is refused with
 *       {@code invalid_grant} when the account is gone or now below the client's minimum level.
 *       The header names the signing key ({@code kid}) and algorithm: the client's for ID tokens
 *       (ES256 unless registered RS256), ES256 for access tokens (Spring's default would be RS256).
 *   <li>ID tokens: {@code auth_time} (when the citizen last proved who they are) and {@code amr}
 *       (how: RFC 8176 values) from the {@link Citizen} of the sign-in, since Spring's own
 *       {@code auth_time} needs its session tracking, which Propusk does not use (ADR 6, section
 *       7); {@code acr} is the account's present level as {@code urn:propusk:level:<level>}, so it
 *       follows a level change at the next refresh; {@code exp} ten minutes after {@code iat}
 *       (Spring fixes 30).
 *   <li>ID tokens carry {@code sid}, Propusk's stable session id, from the authorization (logout);
 *       their release goes to the sharing log once the grant succeeded ({@link IdTokenReleases}).
 *   <li>Access tokens: no {@code nbf}, which would only repeat {@code iat}; {@code client_id}.
 *   <li>Services' own access tokens (client credentials) name no citizen: {@code sub} is the
 *       client id (Spring's), with the same header; any other token without a citizen is refused.
 * </ul>
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private static final String LEVEL_READ = TokenClaims.class.getName() + ".LEVEL_READ";

  private final Accounts accounts;
  private final SigningKeys keys;

  TokenClaims(Accounts accounts, SigningKeys keys) {
    this.accounts = accounts;
    this.keys = keys;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    Authentication principal = context.getPrincipal();
    boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    Citizen citizen = principal != null && principal.getPrincipal() instanceof Citizen c ? c : null;
    if (citizen == null && !serviceToken(context)) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR, "a token names a citizen, or is a service's own", null));
    }
    AccountLevel level = citizen == null ? null : presentLevel(citizen.accountId(), context.getRegisteredClient());
    SignatureAlgorithm algorithm =
        idToken ? context.getRegisteredClient().getTokenSettings().getIdTokenSignatureAlgorithm() : SignatureAlgorithm.ES256;
    context.getJwsHeader().algorithm(algorithm).keyId(keys.signingKeyId(algorithm.getName()));
    if (!idToken) {
      // nbf would only repeat iat, and Spring's userinfo and introspection compare it with
      // Instant.now(), not with Propusk's clock that dated it; client_id as RFC 9068 asks
      context.getClaims()
          .claims(claims -> claims.remove("nbf"))
          .claim("client_id", context.getRegisteredClient().getClientId());
      return;
    }
    context.getClaims()
        .claim("auth_time", Date.from(citizen.authenticatedAt()))
        .claim("amr", amr(citizen))
        .claim("acr", RequestedLevel.acr(level))
        .claims(claims -> claims.put("exp", ((Instant) claims.get("iat")).plus(ClientRegistry.ID_TOKEN_LIFETIME)));
    // the browser session the code was given in (OidcSessions), for logout
    String sid = context.getAuthorization() == null ? null : context.getAuthorization().getAttribute(OidcSessions.SID);
    if (sid != null) {
      context.getClaims().claim("sid", sid);
    }
  }

  /**
   * A service's own access token (client credentials): {@code sub} is the client id, and there is
   * no account whose level to check. Nothing else may come without a citizen.
   */
  private static boolean serviceToken(JwtEncodingContext context) {
    return AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
        && OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
  }

  /** The account's level now; a token for an account that is gone or below the client's minimum is refused. */
  private AccountLevel presentLevel(UUID accountId, RegisteredClient client) {
    AccountLevel level = levelReadInThisRequest(accountId);
    if (level == null) {
      level =
          accounts.find(accountId)
              .map(account -> account.level().level())
              .orElseThrow(() -> refused("the account no longer exists"));
      rememberForThisRequest(accountId, level);
    }
    if (level.compareTo(ClientRegistry.minimumLevel(client)) < 0) {
      throw refused("the account's level is below the service's minimum");
    }
    return level;
  }

  /**
   * The level read for an earlier token of the same grant: the access and the ID token of one
   * answer are customized one after the other, and one read of the account serves both.
   */
  private static AccountLevel levelReadInThisRequest(UUID accountId) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    return request != null && request.getAttribute(LEVEL_READ, RequestAttributes.SCOPE_REQUEST) instanceof LevelRead read
            && read.accountId().equals(accountId)
        ? read.level()
        : null;
  }

  private static void rememberForThisRequest(UUID accountId, AccountLevel level) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.setAttribute(LEVEL_READ, new LevelRead(accountId, level), RequestAttributes.SCOPE_REQUEST);
    }
  }

  private record LevelRead(UUID accountId, AccountLevel level) {}

  private static OAuth2AuthenticationException refused(String why) {
    return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, why, null));
  }

  /**
   * An {@code ArrayList}, as {@code auth_time} is a {@code Date}: the ID token's claims are stored
   * with the authorization as JSON with class names, and only Spring's allow-listed classes come
   * back ({@code Stream.toList()} and {@code Long} do not, and userinfo would then fail).
   */
  private static List<String> amr(Citizen citizen) {
    return citizen.methods().keySet().stream()
        .sorted()
        .map(AuthenticationMethod::amr)
        .collect(Collectors.toCollection(ArrayList::new));
  }
}
