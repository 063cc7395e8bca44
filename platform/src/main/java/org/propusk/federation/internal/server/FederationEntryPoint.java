package org.propusk.federation.internal.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a citizen who is not signed in from the authorization endpoint to Propusk's own sign-in
 * flow, {@code /login?return=<the authorization request>}, which comes back to it when done. The
 * request has already passed Spring's checks of the client, redirect URI, scope and PKCE (its
 * validating filter runs before this point). A POST request is carried as the same query, since
 * the return address is a GET. {@code login_hint} pre-fills the login field and {@code max_age}
 * asks for a fresh sign-in; neither is trusted for anything else.
 */
final class FederationEntryPoint implements AuthenticationEntryPoint {

  /** The sign-in flow ignores longer return addresses (ReturnAddress.MAX_LENGTH). */
  static final int MAX_RETURN = 2048;
  private static final int MAX_HINT = 320;

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
      throws IOException {
    String query = "GET".equals(request.getMethod()) && request.getQueryString() != null
        ? request.getQueryString()
        : asQuery(request.getParameterMap());
    String back = request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
    if (back.length() > MAX_RETURN) {
      // it would be lost on the way through the sign-in; a pushed request (PAR) will carry it later
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "authorization request too long");
      return;
    }
    StringBuilder login = new StringBuilder("/login?return=").append(encode(back));
    String hint = request.getParameter("login_hint");
    if (hint != null && !hint.isBlank() && hint.length() <= MAX_HINT) {
      login.append("&login_hint=").append(encode(hint.strip()));
    }
    String maxAge = request.getParameter("max_age");
    if (maxAge != null && maxAge.matches("[0-9]{1,9}")) {
      login.append("&max_age=").append(maxAge);
    }
    response.sendRedirect(request.getContextPath() + login);
  }

  private static String asQuery(Map<String, String[]> parameters) {
    return parameters.entrySet().stream()
        .flatMap(e -> java.util.Arrays.stream(e.getValue()).map(v -> encode(e.getKey()) + "=" + encode(v)))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
