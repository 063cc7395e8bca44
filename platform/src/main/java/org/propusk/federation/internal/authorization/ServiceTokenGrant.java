package org.propusk.federation.internal.authorization;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The client credentials grant for services (RFC 6749, section 4.4): a token for the client itself,
 * carrying only its {@link org.propusk.federation.internal.clients.ServiceScopes}. Spring's
 * provider refuses clients not registered for the grant ({@code unauthorized_client}) and issues
 * the token; Propusk checks the scopes against the service scopes instead of the client's
 * authorization-request scopes (so {@code openid} or a personal-data scope is {@code invalid_scope}),
 * and a request without {@code scope} gets all of the client's service scopes (Spring would issue
 * a token with none).
 */
public final class ServiceTokenGrant implements AuthenticationProvider {

  private final OAuth2ClientCredentialsAuthenticationProvider delegate;

  public ServiceTokenGrant(OAuth2ClientCredentialsAuthenticationProvider delegate) {
    this.delegate = delegate;
    delegate.setAuthenticationValidator(ServiceTokenGrant::onlyServiceScopes);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    OAuth2ClientCredentialsAuthenticationToken request = (OAuth2ClientCredentialsAuthenticationToken) authentication;
    if (request.getScopes().isEmpty()
        && request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
        && client.isAuthenticated()
        && client.getRegisteredClient() != null) {
      List<String> all = ClientRegistry.serviceScopes(client.getRegisteredClient());
      request = new OAuth2ClientCredentialsAuthenticationToken(client, new LinkedHashSet<>(all), request.getAdditionalParameters());
    }
    return delegate.authenticate(request);
  }

  private static void onlyServiceScopes(OAuth2ClientCredentialsAuthenticationContext context) {
    RegisteredClient client = context.getRegisteredClient();
    Set<String> requested = ((OAuth2ClientCredentialsAuthenticationToken) context.getAuthentication()).getScopes();
    if (!ClientRegistry.serviceScopes(client).containsAll(requested)) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE, "a service token carries only the client's service scopes", null));
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return delegate.supports(authentication);
  }
}
