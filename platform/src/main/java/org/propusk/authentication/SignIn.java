package org.propusk.authentication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.propusk.account.AccountLevel;

/** Starts and ends sessions; web pages and the JSON API of every module sign citizens in here. */
public interface SignIn {

  /**
   * Checks a login (phone in any format, e-mail or SNILS) and password and starts a new session.
   *
   * @throws SignInFailed for every wrong login or password alike
   * @throws org.propusk.shared.TooManyAttempts while failures slow down or block the attempts
   */
  SignedIn signIn(String login, String password, HttpServletRequest request, HttpServletResponse response);

  /** Starts a session for an account that was opened a moment ago (after registration). */
  AccountLevel signInNewAccount(UUID accountId, HttpServletRequest request, HttpServletResponse response);

  void signOut(HttpServletRequest request, HttpServletResponse response);

  /** The outcome of a successful sign-in. */
  record SignedIn(UUID accountId, AccountLevel level) {}
}
