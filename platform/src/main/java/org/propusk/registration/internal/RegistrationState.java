package org.propusk.registration.internal;

import java.util.Map;
import java.util.Set;

/**
 * States of a registration flow; {@code RegistrationState.mmd} beside this file draws them. Expiry
 * is not a state: a flow past its {@code expiresAt} is gone, whatever its state.
 */
enum RegistrationState {
  /** A code (and for e-mail a link) was sent; waiting for the citizen to enter it. */
  CODE_SENT,
  /**
   * The e-mail link was opened: the browser that opened it may set the password; whoever else holds
   * the flow (e.g. a stranger who started it with this address) still needs the code.
   */
  LINK_OPENED,
  /** The contact is proven with the code; waiting for the password. */
  CONTACT_CONFIRMED,
  /** The account exists. */
  COMPLETED;

  private static final Map<RegistrationState, Set<RegistrationState>> MOVES =
      Map.of(
          CODE_SENT, Set.of(CODE_SENT, LINK_OPENED, CONTACT_CONFIRMED),
          LINK_OPENED, Set.of(CODE_SENT, CONTACT_CONFIRMED, COMPLETED),
          CONTACT_CONFIRMED, Set.of(COMPLETED),
          COMPLETED, Set.of());

  boolean canMoveTo(RegistrationState next) {
    return MOVES.get(this).contains(next);
  }

  String apiName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
