package org.propusk.authentication;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.propusk.shared.AuthenticationMethod;

/**
 * The account's second factor: which methods it has turned on, and the check of a code for one of
 * them. The sign-in flow and the recovery flow both ask here, so that no path signs a citizen with
 * a second factor in on the password (or a recovered contact) alone.
 */
public interface SecondFactors {

  /**
   * The methods the account can use as a second factor now: {@link AuthenticationMethod#TOTP} and
   * {@link AuthenticationMethod#RECOVERY_CODE} (while unused codes remain) once an authenticator
   * app is on, {@link AuthenticationMethod#SMS} when the SMS code is on. Empty when the account
   * has no second factor.
   */
  Set<AuthenticationMethod> methodsOf(UUID accountId);

  /**
   * Sends a code by SMS to the account's confirmed phone, for {@link AuthenticationMethod#SMS}.
   *
   * @return when the next code may be asked for
   * @throws org.propusk.shared.TooManyAttempts while codes to this phone are limited
   */
  Instant sendSmsCode(UUID accountId, Locale locale);

  /**
   * Checks a code for one of the account's methods, for a client without a device cookie for the
   * account's login: {@link #verify(UUID, AuthenticationMethod, String, String)} with no device.
   *
   * @throws org.propusk.shared.InvalidInput {@code code} wrong, or the method is not on
   * @throws org.propusk.shared.TooManyAttempts after too many wrong codes
   */
  void verify(UUID accountId, AuthenticationMethod method, String code);

  /**
   * Checks a code for one of the account's methods; each code is accepted once (a TOTP code not
   * again within its window, a recovery code never again). Attempts are counted before the check:
   * with a device subject (the nonce of the browser's valid device cookie for the login, as the
   * sign-in flow knows it) against that browser's own budgets, so that strangers who know the
   * password cannot lock the owner out; without one against the account's budgets. Wrong codes are
   * told to the owner (at most once an hour).
   *
   * <p>The default ignores the device, for implementations without per-device budgets.
   *
   * @param deviceSubject null when the client has no device cookie for the login
   * @throws org.propusk.shared.InvalidInput {@code code} wrong, or the method is not on
   * @throws org.propusk.shared.TooManyAttempts after too many wrong codes
   */
  void verify(UUID accountId, AuthenticationMethod method, String code, String deviceSubject);
}
