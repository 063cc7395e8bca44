package org.propusk.federation.internal.authorization;

import java.util.function.Consumer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Propusk's checks of an authorization request, in place of Spring's redirect-URI and scope
 * validator, on the authorization endpoint (and the filter that checks a request before the
 * sign-in) and on the pushed-request endpoint (ADR 6, section 3):
 *
 * <ul>
 *   <li>{@code redirect_uri} matches a registered one exactly, as a string. Spring lets a loopback
 *       address (127.x, [::1]) come back on any port, which SPEC section 13 does not allow: on a
 *       shared machine another user's program may listen on that port. Refused without a redirect.
 *   <li>the scopes are registered for the client (Spring's own rule);
 *   <li>{@code request} (a request object) → {@code request_not_supported}: Propusk does not read
 *       them, and must not act as if it had;
 *   <li>{@code response_mode} other than {@code query} → {@code invalid_request}: only query
 *       responses are offered (discovery says so), and a fragment or form_post answer would be
 *       silently something else.
 * </ul>
 */
public final class AuthorizationRequestRules implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

  private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1";

  @Override
  public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    exactRedirectUri(context);
    OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR.accept(context);
    OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
    String redirectUri = redirectUri(request, context.getRegisteredClient());
    if (request.getAdditionalParameters().containsKey("request")) {
      throw refused("request_not_supported", "request", request, redirectUri);
    }
    Object responseMode = request.getAdditionalParameters().get("response_mode");
    if (responseMode != null && !"query".equals(responseMode)) {
      throw refused(OAuth2ErrorCodes.INVALID_REQUEST, "response_mode", request, redirectUri);
    }
  }

  private static void exactRedirectUri(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
    RegisteredClient client = context.getRegisteredClient();
    String requested = request.getRedirectUri();
    if (!StringUtils.hasText(requested)) {
      // OpenID Connect requires it; plain OAuth may leave it out when only one is registered
      if (request.getScopes().contains(OidcScopes.OPENID) || client.getRedirectUris().size() != 1) {
        throw refused(OAuth2ErrorCodes.INVALID_REQUEST, OAuth2ParameterNames.REDIRECT_URI, request, null);
      }
      return;
    }
    if (hasFragment(requested) || !client.getRedirectUris().contains(requested)) {
      throw refused(OAuth2ErrorCodes.INVALID_REQUEST, OAuth2ParameterNames.REDIRECT_URI, request, null);
    }
  }

  private static boolean hasFragment(String uri) {
    try {
      UriComponents parsed = UriComponentsBuilder.fromUriString(uri).build();
      return parsed.getFragment() != null;
    } catch (IllegalArgumentException malformed) {
      return true;
    }
  }

  /** The address errors go to, once the redirect URI is known to be the client's. */
  private static String redirectUri(OAuth2AuthorizationCodeRequestAuthenticationToken request, RegisteredClient client) {
    return StringUtils.hasText(request.getRedirectUri())
        ? request.getRedirectUri()
        : client.getRedirectUris().iterator().next();
  }

  /** {@code redirectUri} null: answered with a page, never sent to an address that is not the client's. */
  private static OAuth2AuthorizationCodeRequestAuthenticationException refused(
      String code, String parameter, OAuth2AuthorizationCodeRequestAuthenticationToken request, String redirectUri) {
    OAuth2AuthorizationCodeRequestAuthenticationToken answered =
        new OAuth2AuthorizationCodeRequestAuthenticationToken(
            request.getAuthorizationUri(),
            request.getClientId(),
            (Authentication) request.getPrincipal(),
            redirectUri,
            request.getState(),
            request.getScopes(),
            request.getAdditionalParameters());
    return new OAuth2AuthorizationCodeRequestAuthenticationException(
        new OAuth2Error(code, "OAuth 2.0 Parameter: " + parameter, ERROR_URI), answered);
  }
}
