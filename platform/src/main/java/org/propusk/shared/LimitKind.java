package org.propusk.shared;

/** Every kind of counted action. The limits themselves are configured in {@code propusk.limits}. */
public enum LimitKind {
  /** Confirmation codes sent to one contact. */
  CONTACT_CODE,
  /** Registrations started from one client address (also throttles "already registered"). */
  REGISTRATION_START,
  /** Recoveries started from one client address. */
  RECOVERY_START,
  /** Wrong passwords typed to confirm a sensitive change (e.g. of a contact) in one account. */
  PASSWORD_CONFIRMATION,
  /** Failed sign-ins against one account. */
  SIGN_IN_ACCOUNT,
  /** Failed sign-ins from one client address. */
  SIGN_IN_CLIENT
}
