package org.propusk.account.internal;

import java.util.Map;
import java.util.Set;

/** States of a contact change; {@code ContactChangeState.mmd} beside this file draws them. */
enum ContactChangeState {
  /** A code went to the new contact. */
  CODE_SENT,
  /**
   * The code was right: the new contact is reserved and waits out the cooling-off period; the old
   * contact was told, with a link that cancels the change, and is still the account's.
   */
  PENDING,
  /** The new contact replaced the old one (or was added). */
  APPLIED,
  /** Cancelled through the link or by the signed-in owner before it took effect. */
  CANCELLED;

  private static final Map<ContactChangeState, Set<ContactChangeState>> MOVES =
      Map.of(
          CODE_SENT, Set.of(CODE_SENT, PENDING),
          PENDING, Set.of(APPLIED, CANCELLED),
          APPLIED, Set.of(),
          CANCELLED, Set.of());

  boolean canMoveTo(ContactChangeState next) {
    return MOVES.get(this).contains(next);
  }
}
