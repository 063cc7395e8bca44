package org.propusk.federation.internal.authorization;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Reads an authorization request the way the authorization endpoint will answer it: from the
 * parameters Spring's validating filter has already checked, or, with {@code request_uri}, from
 * the pushed request it names; and, for the level page, from the return address that carries it.
 */
@Component
public class AuthorizationRequests {

  public static final String ENDPOINT = "/oauth2/authorize";
  /** RFC 9126's prefix, as Spring's pushed-request endpoint issues {@code request_uri}s. */
  static final String REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";

  private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

  private final AuthorizationStore store;
  private final ClientRegistry clients;

  AuthorizationRequests(AuthorizationStore store, ClientRegistry clients) {
    this.store = store;
    this.clients = clients;
  }

  /** A {@code request_uri} that names no pushed request of the client: answered with a 400 page, never redirected. */
  static final class UnusableRequestUri extends RuntimeException {
    UnusableRequestUri() {
      super("request_uri names no pushed authorization request of this client", null, false, false);
    }
  }

  /**
   * The authorization request of this HTTP request; empty when it is none (e.g. the consent form's
   * POST) or Spring has already refused it.
   *
   * @throws UnusableRequestUri for a {@code request_uri} that is unknown, used or someone else's
   */
  Optional<RequestedAuthorization> of(HttpServletRequest request) {
    String returnAddress = returnAddress(request);
    String requestUri = request.getParameter(OAuth2ParameterNames.REQUEST_URI);
    if (StringUtils.hasText(requestUri)) {
      return Optional.of(pushed(requestUri, request.getParameter(OAuth2ParameterNames.CLIENT_ID), returnAddress));
    }
    // set by Spring's validating filter, which runs before and has checked client, redirect URI, scope and PKCE
    if (!(request.getAttribute(OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName())
        instanceof OAuth2AuthorizationCodeRequestAuthenticationToken checked)) {
      return Optional.empty();
    }
    RegisteredClient client = clients.findByClientId(checked.getClientId());
    if (client == null) {
      return Optional.empty();
    }
    return Optional.of(
        new RequestedAuthorization(
            client,
            StringUtils.hasText(checked.getRedirectUri()) ? checked.getRedirectUri() : onlyRedirectUri(client),
            checked.getState(),
            checked.getAdditionalParameters(),
            false,
            returnAddress));
  }

  /**
   * The authorization request a return address carries (a path of the authorization endpoint with
   * its query), checked again here since the address came through the browser: a registered
   * client, and a redirect URI registered for it exactly.
   */
  public Optional<RequestedAuthorization> ofReturnAddress(String returnAddress) {
    if (returnAddress == null || !returnAddress.startsWith(ENDPOINT + "?")) {
      return Optional.empty();
    }
    MultiValueMap<String, String> query;
    try {
      query = UriComponentsBuilder.fromUriString(returnAddress).build().getQueryParams();
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
    String clientId = decoded(query, OAuth2ParameterNames.CLIENT_ID);
    String requestUri = decoded(query, OAuth2ParameterNames.REQUEST_URI);
    try {
      if (requestUri != null) {
        return Optional.of(pushed(requestUri, clientId, returnAddress));
      }
    } catch (UnusableRequestUri gone) {
      return Optional.empty();
    }
    RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
    if (client == null) {
      return Optional.empty();
    }
    String redirectUri = decoded(query, OAuth2ParameterNames.REDIRECT_URI);
    if (redirectUri == null && client.getRedirectUris().size() == 1) {
      redirectUri = onlyRedirectUri(client);
    }
    if (redirectUri == null || !client.getRedirectUris().contains(redirectUri)) {
      return Optional.empty();
    }
    Map<String, Object> parameters = new HashMap<>();
    query.keySet().stream()
        .filter(name -> decoded(query, name) != null)
        .forEach(name -> parameters.put(UriUtils.decode(name, StandardCharsets.UTF_8), decoded(query, name)));
    return Optional.of(
        new RequestedAuthorization(
            client, redirectUri, decoded(query, OAuth2ParameterNames.STATE), parameters, false, returnAddress));
  }

  /**
   * The pushed request that {@code request_uri} names, if the client pushed it and it has not been
   * used. Its expiry (300 s) is Spring's to check: Spring stamps it with the system clock.
   */
  private RequestedAuthorization pushed(String requestUri, String clientId, String returnAddress) {
    if (!requestUri.startsWith(REQUEST_URI_PREFIX) || clientId == null) {
      throw new UnusableRequestUri();
    }
    OAuth2Authorization found = store.findByToken(requestUri.substring(REQUEST_URI_PREFIX.length()), STATE);
    OAuth2AuthorizationRequest pushed =
        found == null ? null : found.getAttribute(OAuth2AuthorizationRequest.class.getName());
    // a consent waiting for the citizen has a state too, and a principal: not a pushed request
    if (pushed == null || found.getAttribute(Principal.class.getName()) != null || !clientId.equals(pushed.getClientId())) {
      throw new UnusableRequestUri();
    }
    RegisteredClient client = clients.findByClientId(clientId);
    if (client == null) {
      throw new UnusableRequestUri();
    }
    return new RequestedAuthorization(
        client,
        StringUtils.hasText(pushed.getRedirectUri()) ? pushed.getRedirectUri() : onlyRedirectUri(client),
        pushed.getState(),
        pushed.getAdditionalParameters(),
        true,
        returnAddress);
  }

  /**
   * The request as a path of this site with its query: a POST request's form parameters become the
   * query, since the way back after the sign-in is a GET.
   */
  static String returnAddress(HttpServletRequest request) {
    String query =
        "GET".equals(request.getMethod()) && request.getQueryString() != null
            ? request.getQueryString()
            : asQuery(request.getParameterMap());
    return request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
  }

  private static String asQuery(Map<String, String[]> parameters) {
    return parameters.entrySet().stream()
        .flatMap(e -> Arrays.stream(e.getValue()).map(v -> encode(e.getKey()) + "=" + encode(v)))
        .collect(Collectors.joining("&"));
  }

  private static String onlyRedirectUri(RegisteredClient client) {
    return client.getRedirectUris().iterator().next();
  }

  private static String decoded(MultiValueMap<String, String> query, String name) {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty() || values.getFirst() == null) {
      return null;
    }
    // a form-encoded space may come as '+'
    return UriUtils.decode(values.getFirst().replace("+", "%20"), StandardCharsets.UTF_8);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
