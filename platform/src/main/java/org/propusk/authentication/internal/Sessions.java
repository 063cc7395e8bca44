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
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Puts a citizen into the session under a new session id, so that an id known before (planted,
 * or from a lower level) is worthless afterwards; at sign-in the CSRF token is renewed as well.
 */
@Component
class Sessions {

  private final SecurityContextRepository contexts;
  private final CsrfAuthenticationStrategy csrfRenewal;

  Sessions(SecurityContextRepository contexts, CsrfTokenRepository csrfTokens) {
    this.contexts = contexts;
    this.csrfRenewal = new CsrfAuthenticationStrategy(csrfTokens);
  }

  /** A new session id and a new CSRF token: a token seen before sign-in is worthless after it. */
  void signIn(Citizen citizen, HttpServletRequest request, HttpServletResponse response) {
    establish(citizen, request, response);
    csrfRenewal.onAuthentication(SecurityContextHolder.getContext().getAuthentication(), request, response);
    // what the list of sessions shows: the browser and address of the sign-in, not of a later request
    request.getSession().setAttribute(SessionDetails.ATTRIBUTE, SessionDetails.of(request));
  }

  /**
   * The same citizen with a new proof (the password typed again): a new session id and CSRF token,
   * keeping what the list of sessions shows about the sign-in.
   */
  void renew(Citizen citizen, HttpServletRequest request, HttpServletResponse response) {
    establish(citizen, request, response);
    csrfRenewal.onAuthentication(SecurityContextHolder.getContext().getAuthentication(), request, response);
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
  }
}
