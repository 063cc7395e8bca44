package org.propusk.authentication.internal;

import java.util.Map;
import java.util.Set;

/** States of a sign-in flow; {@code SignInState.mmd} beside this file draws them. */
enum SignInState {
  /** Started with where the citizen is going, the level asked for and the maximum age: who is it? */
  IDENTIFY,
  /** The login is known: waiting for its password. */
  PASSWORD,
  /** The password was right and the account has a second factor: waiting for its code. */
  SECOND_FACTOR,
  /** Signed in: the session holds every method proven. */
  DONE,
  /** Too many wrong second-factor codes: the citizen starts again. */
  FAILED;

  private static final Map<SignInState, Set<SignInState>> MOVES =
      Map.of(
          IDENTIFY, Set.of(PASSWORD),
          PASSWORD, Set.of(SECOND_FACTOR, DONE),
          SECOND_FACTOR, Set.of(SECOND_FACTOR, DONE, FAILED),
          DONE, Set.of(),
          FAILED, Set.of());

  boolean canMoveTo(SignInState next) {
    return MOVES.get(this).contains(next);
  }
}
