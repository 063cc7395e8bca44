package org.propusk.federation.internal.authorization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;

/**
 * {@code prompt=login} (or {@code max_age=0}) asks for a sign-in made for this very request, not
 * one from before it. When the citizen is sent to sign in, the time is noted in the session under
 * the request's hash; back from the sign-in, a proof made after that time satisfies it, once. Thus
 * no loop and no change to the relying party's URL. The session keeps its attributes across the
 * sign-in's new session id.
 */
final class FreshSignIn {

  static final String ATTRIBUTE = FreshSignIn.class.getName();
  /** Pending requests kept per session: a few tabs, not an unbounded map. */
  private static final int KEPT = 8;

  private FreshSignIn() {}

  /** The requests sent to sign in, oldest first; serializable for the session store. */
  static final class Pending implements Serializable {
    private static final long serialVersionUID = 1L;
    private final LinkedHashMap<String, Instant> since = new LinkedHashMap<>();
  }

  /** Notes that the request was sent to sign in at {@code now}. */
  static void asked(HttpServletRequest request, RequestedAuthorization authorization, Instant now) {
    HttpSession session = request.getSession();
    Pending pending = session.getAttribute(ATTRIBUTE) instanceof Pending p ? p : new Pending();
    String key = key(authorization);
    pending.since.remove(key);
    pending.since.put(key, now);
    while (pending.since.size() > KEPT) {
      pending.since.remove(pending.since.keySet().iterator().next());
    }
    // set again, so that the session store writes the changed value
    session.setAttribute(ATTRIBUTE, pending);
  }

  /**
   * Whether the citizen proved who they are after being sent to sign in for this request; the note
   * is then used up, so the same request asks again next time.
   */
  static boolean satisfied(HttpServletRequest request, RequestedAuthorization authorization, Instant authenticatedAt) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Pending pending)) {
      return false;
    }
    String key = key(authorization);
    Instant asked = pending.since.get(key);
    if (asked == null || !authenticatedAt.isAfter(asked)) {
      return false;
    }
    pending.since.remove(key);
    session.setAttribute(ATTRIBUTE, pending);
    return true;
  }

  private static String key(RequestedAuthorization authorization) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(authorization.returnAddress().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
