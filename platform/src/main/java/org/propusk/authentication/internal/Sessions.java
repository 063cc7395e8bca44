package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.propusk.shared.Citizen;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts a citizen into the session under a new session id, so that an id known before (planted,
 * or from a lower level) is worthless afterwards; at sign-in the CSRF token is renewed as well.
 *
 * <p>The new id is a new session (a new row of the store, the old one's attributes copied, the old
 * one deleted), not Spring Session's {@code changeSessionId}, which renames the row: a request
 * that read the session before and ends after (the password page's strength meter, still answering
 * when the form is sent; a second tab) writes its copy back with the id it read, and renamed the
 * row back to an id the browser no longer holds, signing the citizen out. Its copy now updates a
 * row that is gone.
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
    renewId(request);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            citizen, null, List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"))));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }

  /**
   * The session of this request, if it has one, goes on as a new session under a new id. Outside
   * any transaction only: the store deletes the old session at once, in a transaction of its own,
   * which inside another would hold a second pooled connection and commit whatever that one does.
   */
  static void renewId(HttpServletRequest request) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("a session is to be renewed outside any transaction");
    }
    HttpSession before = request.getSession(false);
    if (before != null) {
      Map<String, Object> attributes = new HashMap<>();
      Collections.list(before.getAttributeNames()).forEach(name -> attributes.put(name, before.getAttribute(name)));
      before.invalidate();
      HttpSession renewed = request.getSession(true);
      attributes.forEach(renewed::setAttribute);
    }
  }
}
