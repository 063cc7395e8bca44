package org.propusk.recovery.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** States of a recovery flow; {@code RecoveryState.mmd} beside this file draws them. */
enum RecoveryState {
  /** A code went to the contact (or, for an unknown login, was pretended to). */
  CODE_SENT,
  /**
   * The code was right but the account has a second factor: it is needed before the new password,
   * so that whoever holds only the phone (or only the mailbox) cannot take the account.
   */
  SECOND_FACTOR,
  /** The citizen lost the second factor: a second code went to the account's other contact. */
  OTHER_CONTACT_CODE_SENT,
  /** The code (and the second factor, when there is one) was right; waiting for the new password. */
  CODE_CONFIRMED,
  /** The password is changed. */
  COMPLETED;

  private static final Map<RecoveryState, Set<RecoveryState>> MOVES =
      Map.of(
          CODE_SENT, Set.of(CODE_SENT, CODE_CONFIRMED, SECOND_FACTOR),
          SECOND_FACTOR, Set.of(CODE_CONFIRMED, OTHER_CONTACT_CODE_SENT),
          OTHER_CONTACT_CODE_SENT, Set.of(OTHER_CONTACT_CODE_SENT, CODE_CONFIRMED),
          CODE_CONFIRMED, Set.of(COMPLETED),
          COMPLETED, Set.of());

  boolean canMoveTo(RecoveryState next) {
    return MOVES.get(this).contains(next);
  }

  String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
