package org.propusk.authentication.internal;

import org.propusk.shared.Problem;

/** The citizen named a session that is not one of theirs, or that has ended already. */
class SessionNotFound extends Problem {
  SessionNotFound() {
    super(404, "session-not-found");
  }
}
