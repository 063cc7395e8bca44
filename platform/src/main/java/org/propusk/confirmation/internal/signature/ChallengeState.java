package org.propusk.confirmation.internal.signature;

import java.util.Map;
import java.util.Set;

/**
 * States of a signature challenge; {@code ChallengeState.mmd} beside this file draws them. Expiry
 * and spent attempts are told by the time and the count, not by a state of their own.
 */
enum ChallengeState {
  /** Waiting for the citizen's signature. */
  ISSUED,
  /** A signature over it matched the verified profile: used, never again. */
  USED;

  private static final Map<ChallengeState, Set<ChallengeState>> MOVES =
      Map.of(ISSUED, Set.of(ISSUED, USED), USED, Set.of());

  boolean canMoveTo(ChallengeState next) {
    return MOVES.get(this).contains(next);
  }
}
