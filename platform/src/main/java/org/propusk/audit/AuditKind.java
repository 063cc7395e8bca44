package org.propusk.audit;

import java.util.Locale;

/**
 * Every kind of audited event. Each has a description for people ({@code audit.kind.<name>} in
 * the messages); a test fails when one is missing.
 */
public enum AuditKind {
  /** A Simplified account was opened at the end of a registration. */
  ACCOUNT_OPENED,
  /** The citizen signed in with a password. */
  SIGNED_IN,
  /** A sign-in with this account's login failed; recorded without an account for unknown logins. */
  SIGN_IN_FAILED,
  /** The citizen signed out. */
  SIGNED_OUT,
  /** An access recovery was started; recorded without an account for unknown logins. */
  RECOVERY_STARTED,
  /** An access recovery ended with a new password (recorded as well as PASSWORD_CHANGED). */
  RECOVERY_COMPLETED,
  /** The password was changed, by recovery or by the signed-in owner; other sessions ended. */
  PASSWORD_CHANGED,
  /** The phone or e-mail was changed or added, proven by a code to the new contact. */
  CONTACT_CHANGED,
  /** Fields of "Мои данные" changed; the details name the fields, never their values. */
  PROFILE_CHANGED,
  /** A registry check of a document ended; the details give document, outcome and reason. */
  DOCUMENT_CHECKED,
  /** The account level changed; the details give the old and the new level. */
  LEVEL_CHANGED,
  /** A second factor was turned on; the details name it ({@code method=otp} or {@code sms}). */
  SECOND_FACTOR_ON,
  /** A second factor was turned off; the details name it. */
  SECOND_FACTOR_OFF,
  /** A single-use recovery code was accepted; the details give how many are left. */
  RECOVERY_CODE_USED,
  /** A new set of recovery codes replaced the old one. */
  RECOVERY_CODES_RENEWED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
