package org.propusk.federation.internal.server;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The token response, counted by grant type ({@code propusk.tokens.issued}): the token endpoint's
 * one place where every issued token passes.
 */
final class CountedTokenResponses implements AuthenticationSuccessHandler {

  /** The grants the provider announces; anything else is tagged {@code other}, so tags stay few. */
  private static final Set<String> GRANTS =
      Set.of(
          AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
          AuthorizationGrantType.REFRESH_TOKEN.getValue(),
          AuthorizationGrantType.CLIENT_CREDENTIALS.getValue());

  private final AuthenticationSuccessHandler response;
  private final MeterRegistry metrics;

  CountedTokenResponses(AuthenticationSuccessHandler response, MeterRegistry metrics) {
    this.response = response;
    this.metrics = metrics;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    this.response.onAuthenticationSuccess(request, response, authentication);
    String grant = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
    metrics.counter("propusk.tokens.issued", "grant_type", GRANTS.contains(grant) ? grant : "other").increment();
  }
}
