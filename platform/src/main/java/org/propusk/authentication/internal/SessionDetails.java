package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/**
 * What the citizen's list of sessions shows about a session beyond its times, kept in the session
 * from the moment of sign-in: the browser's user agent and the client address.
 */
record SessionDetails(String userAgent, String clientAddress) implements Serializable {

  static final String ATTRIBUTE = "propusk.session.details";
  /** Real user agents are far shorter; a longer one is cut, not stored whole. */
  static final int MAX_USER_AGENT = 512;

  static SessionDetails of(HttpServletRequest request) {
    String userAgent = request.getHeader("User-Agent");
    if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
      userAgent = userAgent.substring(0, MAX_USER_AGENT);
    }
    return new SessionDetails(userAgent, request.getRemoteAddr());
  }
}
