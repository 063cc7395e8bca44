package org.propusk.federation.internal.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Endpoints that Spring switches on with OpenID Connect but that Propusk does not offer yet, for
 * reasons of its own: Spring's RP-initiated logout would end the session without Propusk's
 * recorded sign-out. Until then it answers 404, and discovery does not name it.
 */
final class NotOfferedYet extends OncePerRequestFilter {

  static final Set<String> PATHS = Set.of("/connect/logout");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (PATHS.contains(request.getRequestURI())) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    chain.doFilter(request, response);
  }
}
