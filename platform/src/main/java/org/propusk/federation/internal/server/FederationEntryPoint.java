package org.propusk.federation.internal.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.propusk.federation.internal.authorization.AuthenticationRequirementsFilter;
import org.propusk.federation.internal.authorization.RequestedAuthorization;
import org.propusk.federation.internal.authorization.RequestedLevel;
import org.propusk.federation.internal.authorization.SignInAddress;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a citizen who is not signed in from the authorization endpoint to Propusk's own sign-in
 * flow, {@code /login?return=<the authorization request>}, which comes back to it when done (see
 * {@link SignInAddress}). The request has already passed Spring's checks of the client, redirect
 * URI, scope and PKCE, and {@link AuthenticationRequirementsFilter} has read it (a pushed one
 * included) and refused what is too long to come back. {@code login_hint}, {@code max_age} and the
 * level needed ({@code acr_values}, the client's minimum) go along to the sign-in.
 */
final class FederationEntryPoint implements AuthenticationEntryPoint {

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
      throws IOException {
    String login =
        RequestedAuthorization.of(request)
            .map(
                authorization ->
                    SignInAddress.of(
                        authorization,
                        false,
                        RequestedLevel.needed(
                            authorization.parameter("acr_values"), ClientRegistry.minimumLevel(authorization.client()))))
            // not an authorization request (e.g. the consent form after the session ended): nothing to come back to
            .orElse("/login");
    response.sendRedirect(request.getContextPath() + login);
  }
}
