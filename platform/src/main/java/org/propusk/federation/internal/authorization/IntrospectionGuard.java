package org.propusk.federation.internal.authorization;

import java.time.Clock;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Introspection (RFC 7662) without telling one client about another's tokens: Spring's provider
 * answers any authenticated client about any token. Here a token is reported active only to the
 * client it was issued to (its access and refresh tokens), or, for access tokens, to a client
 * registered as a resource server (an API that accepts them). Everyone else hears
 * {@code active=false}, as for a token that does not exist. Codes and ID tokens are never active
 * here, and expiry goes by Propusk's clock.
 */
public final class IntrospectionGuard implements AuthenticationProvider {

  private final OAuth2TokenIntrospectionAuthenticationProvider delegate;
  private final AuthorizationStore store;
  private final Clock clock;

  public IntrospectionGuard(OAuth2TokenIntrospectionAuthenticationProvider delegate, AuthorizationStore store, Clock clock) {
    this.delegate = delegate;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    OAuth2TokenIntrospectionAuthenticationToken request = (OAuth2TokenIntrospectionAuthenticationToken) authentication;
    if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller)
        || !caller.isAuthenticated()
        || caller.getRegisteredClient() == null) {
      return delegate.authenticate(authentication); // refuses the unauthenticated client
    }
    OAuth2Authorization authorization = store.findByToken(request.getToken(), null);
    OAuth2Authorization.Token<OAuth2Token> token = authorization == null ? null : authorization.getToken(request.getToken());
    // unknown, or not a token at all (e.g. the state of a request, which Spring's provider would fail on)
    if (token == null || !mayKnow(caller.getRegisteredClient(), authorization, token.getToken()) || expired(token.getToken())) {
      return new OAuth2TokenIntrospectionAuthenticationToken(
          request.getToken(), caller, OAuth2TokenIntrospection.builder().build());
    }
    return delegate.authenticate(authentication);
  }

  private static boolean mayKnow(RegisteredClient caller, OAuth2Authorization authorization, OAuth2Token token) {
    boolean accessToken = token instanceof OAuth2AccessToken;
    if (!accessToken && !(token instanceof OAuth2RefreshToken)) {
      return false;
    }
    if (caller.getId().equals(authorization.getRegisteredClientId())) {
      return true;
    }
    return accessToken && Boolean.TRUE.equals(caller.getClientSettings().getSetting(ClientRegistry.RESOURCE_SERVER));
  }

  private boolean expired(OAuth2Token token) {
    return token.getExpiresAt() != null && !clock.instant().isBefore(token.getExpiresAt());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return delegate.supports(authentication);
  }
}
