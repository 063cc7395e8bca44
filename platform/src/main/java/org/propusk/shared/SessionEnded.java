package org.propusk.shared;

/**
 * The signed-in account vanished while its request was served (deleted by another request, its
 * session ended by a concurrent sign-out): answered 401, and on pages with the sign-in page,
 * instead of failing on the missing row.
 */
public class SessionEnded extends Problem {

  public SessionEnded() {
    super(401, "session-ended");
  }
}
