package org.propusk.shared;

/**
 * A way a citizen proved who they are in a session, with its RFC 8176 {@code amr} value (where
 * the registry has none, a name of our own).
 */
public enum AuthenticationMethod {
  /** The account's password: something the citizen knows. */
  PASSWORD("pwd", false),
  /** A code from an authenticator app (RFC 6238). */
  TOTP("otp", true),
  /** A code sent by SMS to the account's confirmed phone. */
  SMS("sms", true),
  /** A code or link sent to the account's confirmed e-mail. */
  EMAIL("email", true),
  /** One of the single-use recovery codes the citizen was shown when turning on the second factor. */
  RECOVERY_CODE("rc", true);

  private final String amr;
  private final boolean possession;

  AuthenticationMethod(String amr, boolean possession) {
    this.amr = amr;
    this.possession = possession;
  }

  /** The value for the {@code amr} claim and for API answers. */
  public String amr() {
    return amr;
  }

  /**
   * Whether a proof of this method can only be the account's second factor: an app code or a
   * recovery code. An SMS code may also prove the phone at registration or recovery.
   */
  public boolean onlyASecondFactor() {
    return this == TOTP || this == RECOVERY_CODE;
  }

  /** Proof of having something (a phone, an app, a printed code) rather than knowing a password. */
  public boolean possession() {
    return possession;
  }
}
