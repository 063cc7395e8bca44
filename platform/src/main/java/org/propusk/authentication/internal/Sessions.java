package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.propusk.shared.Citizen;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Puts a citizen into the session under a new session id, so that an id known before (planted,
 * or from a lower level) is worthless afterwards.
 */
@Component
class Sessions {

  private final SecurityContextRepository contexts;

  Sessions(SecurityContextRepository contexts) {
    this.contexts = contexts;
  }

  void establish(Citizen citizen, HttpServletRequest request, HttpServletResponse response) {
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            citizen, null, List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"))));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    request.getSession().setAttribute(SessionDetails.ATTRIBUTE, SessionDetails.of(request));
  }
}
