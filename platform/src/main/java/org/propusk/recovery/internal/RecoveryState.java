package org.propusk.recovery.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** States of a recovery flow; {@code RecoveryState.mmd} beside this file draws them. */
enum RecoveryState {
  /** A code went to the contact (or, for an unknown login, was pretended to). */
  CODE_SENT,
  /** The code was right; waiting for the new password. */
  CODE_CONFIRMED,
  /** The password is changed. */
  COMPLETED;

  private static final Map<RecoveryState, Set<RecoveryState>> MOVES =
      Map.of(
          CODE_SENT, Set.of(CODE_SENT, CODE_CONFIRMED),
          CODE_CONFIRMED, Set.of(COMPLETED),
          COMPLETED, Set.of());

  boolean canMoveTo(RecoveryState next) {
    return MOVES.get(this).contains(next);
  }

  String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
