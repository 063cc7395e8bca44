package org.propusk.federation.internal.logout;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Optional;

/**
 * A relying party's logout request that Propusk did not carry out by itself (the ID token was not
 * of this browser session, or nobody is signed in): kept in the browser's session for the
 * confirmation page, with the service's name and the validated address to go back to.
 *
 * @param returnTo the registered post-logout URI with {@code state}, or null to go to the home page
 * @param done whether the citizen has signed out on the confirmation page
 */
record PendingLogout(String clientName, String returnTo, boolean done) implements Serializable {

  static final String ATTRIBUTE = "propusk.federation.pending-logout";

  PendingLogout signedOut() {
    return new PendingLogout(clientName, returnTo, true);
  }

  void keepIn(HttpServletRequest request) {
    request.getSession().setAttribute(ATTRIBUTE, this);
  }

  static Optional<PendingLogout> of(HttpServletRequest request) {
    return Optional.ofNullable(request.getSession(false))
        .map(session -> session.getAttribute(ATTRIBUTE))
        .filter(PendingLogout.class::isInstance)
        .map(PendingLogout.class::cast);
  }
}
