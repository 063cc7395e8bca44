package org.propusk.federation.internal.claims;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.stereotype.Component;

/**
 * The userinfo answer: the claims of the scopes stored with the authorization (the consented ones),
 * with the citizen's present values, in place of Spring's mapper, which copies the ID token's
 * claims. What was released goes to the {@link SharingLog}.
 */
@Component
public class UserInfoClaims implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

  private final ReleasedClaims released;
  private final SharingLog log;
  private final RegisteredClientRepository clients;

  UserInfoClaims(ReleasedClaims released, SharingLog log, RegisteredClientRepository clients) {
    this.released = released;
    this.log = log;
    this.clients = clients;
  }

  @Override
  public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
    OAuth2Authorization authorization = context.getAuthorization();
    UUID accountId = UUID.fromString(authorization.getPrincipalName());
    CitizenData citizen =
        released.read(accountId).orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN));
    Map<String, Object> claims = ReleasedClaims.forUserInfo(authorization.getAuthorizedScopes(), citizen);
    RegisteredClient client = clients.findById(authorization.getRegisteredClientId());
    log.releasedByUserInfo(
        accountId,
        client == null ? authorization.getRegisteredClientId() : client.getClientId(),
        claims.keySet(),
        authorization.getAccessToken().getToken().getTokenValue());
    return new OidcUserInfo(claims);
  }
}
