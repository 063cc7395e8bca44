package org.propusk.federation.internal.claims;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.propusk.account.AccountLevel;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.Citizen;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Propusk adds to the tokens Spring signs (a bean, which the authorization server picks up).
 * ID tokens: {@code auth_time} (when the citizen last proved who they are), {@code amr} (how:
 * RFC 8176 values of the methods of this sign-in) and {@code acr} (the account's level as
 * {@code urn:propusk:level:<level>}), all from the {@link Citizen} of the sign-in, since Spring's
 * own {@code auth_time} needs its session tracking, which Propusk does not use (ADR 6, section 7).
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  static final String ACR_PREFIX = "urn:propusk:level:";

  private final SharingLog sharingLog;

  TokenClaims(SharingLog sharingLog) {
    this.sharingLog = sharingLog;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
      return;
    }
    Authentication principal = context.getPrincipal();
    if (principal != null && principal.getPrincipal() instanceof Citizen citizen) {
      // after a refresh still the sign-in's values: auth_time and amr describe that sign-in; acr
      // should follow the account's present level at every refresh (SPEC), which comes with step 9
      context.getClaims()
          .claim("auth_time", Date.from(citizen.authenticatedAt()))
          .claim("amr", amr(citizen))
          .claim("acr", ACR_PREFIX + AccountLevel.valueOf(citizen.level()).apiName());
      // the citizen's record of what the portal received: the ID token's claims are the openid row
      sharingLog.released(
          citizen.accountId(), context.getRegisteredClient().getClientId(), ClaimCatalogue.idTokenClaims(), SharingLog.ID_TOKEN);
    }
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
