package org.propusk.shared;

/** Every kind of counted action. The limits themselves are configured in {@code propusk.limits}. */
public enum LimitKind {
  /** Confirmation codes sent to one contact (registration and contact change). */
  CONTACT_CODE,
  /** Registrations started from one client address (also throttles "already registered"). */
  REGISTRATION_START,
  /** Recoveries started from one client address. */
  RECOVERY_START,
  /** Recovery codes issued in one recovery flow. */
  RECOVERY_CODE_FLOW,
  /** Recovery codes requested from one client address. */
  RECOVERY_CODE_CLIENT,
  /**
   * Recovery codes to one recipient (the account's contact; for an unknown login, what was typed),
   * whoever asks and whichever login they typed: a generous cap, so that strangers cannot cheaply
   * use up the owner's codes.
   */
  RECOVERY_CODE_LOGIN,
  /** Wrong passwords typed to confirm a sensitive change (e.g. of a contact) in one account. */
  PASSWORD_CONFIRMATION,
  /** Failed sign-ins against one login from clients without a device cookie for it. */
  SIGN_IN_ACCOUNT,
  /** Failed sign-ins from one client address without a device cookie for the login. */
  SIGN_IN_CLIENT,
  /** Failed sign-ins from one browser holding a device cookie for the login: its own budget. */
  SIGN_IN_DEVICE,
  /** Second-factor codes tried in one sign-in flow, counted before each check. */
  SIGN_IN_SECOND_FACTOR,
  /**
   * Checks whether a contact, SNILS or passport a signed-in citizen enters is someone else's (the
   * "taken" answer of a contact change or of the profile), per account.
   */
  TAKEN_CHECK_ACCOUNT,
  /** The same checks per client address. */
  TAKEN_CHECK_CLIENT,
  /**
   * Second-factor codes (app, SMS or recovery code, also the first code that turns an app on)
   * checked for one account from clients without a device cookie for it, counted before the check;
   * a right one clears the count.
   */
  SECOND_FACTOR_ACCOUNT,
  /**
   * Second-factor codes checked at sign-in from one browser holding a device cookie for the login:
   * its own budget instead of {@link #SECOND_FACTOR_ACCOUNT}, so that strangers who know the
   * password cannot lock the owner out; a right one clears the count.
   */
  SECOND_FACTOR_DEVICE,
  /**
   * Wrong second-factor codes over a long window, per account for clients without a device cookie
   * and per browser for one with a device cookie; a right code does not clear it (only its own
   * attempt is given back), so that the password alone buys a bounded number of guesses in total.
   */
  SECOND_FACTOR_DAILY,
  /** Notices to the owner that wrong second-factor codes were typed, per account: one per window. */
  SECOND_FACTOR_NOTICE,
  /** Second-factor codes sent by SMS to one phone. */
  SECOND_FACTOR_SMS,
  /** Citizens looked up by one service-centre operator (by SNILS, passport or phone). */
  OPERATOR_SEARCH,
  /** Letters with a post code asked for by one account (counted before the letter is queued). */
  POST_LETTER,
  /** Challenges for a qualified electronic signature issued to one account. */
  SIGNATURE_CHALLENGE
}
