package org.propusk.authentication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.propusk.account.AccountLevel;
import org.propusk.shared.AuthenticationMethod;

/** Starts and ends sessions; web pages and the JSON API of every module sign citizens in here. */
public interface SignIn {

  /**
   * Checks a login (phone in any format, e-mail or SNILS) and password and starts a new session.
   *
   * @throws SignInFailed for every wrong login or password alike
   * @throws org.propusk.shared.TooManyAttempts while failures slow down or block the attempts
   */
  SignedIn signIn(String login, String password, HttpServletRequest request, HttpServletResponse response);

  /**
   * Starts a session for an account whose owner has just proved control of its contact ({@link
   * AuthenticationMethod#SMS} or {@link AuthenticationMethod#EMAIL}) and set its password, at the
   * end of a registration or a recovery.
   */
  AccountLevel startSession(
      UUID accountId, AuthenticationMethod contactProof, HttpServletRequest request, HttpServletResponse response);

  /** Forgets the failed sign-ins of a login, e.g. once its owner recovered access. */
  void forgetFailures(org.propusk.identifiers.LoginIdentifier login);

  void signOut(HttpServletRequest request, HttpServletResponse response);

  /** The outcome of a successful sign-in. */
  record SignedIn(UUID accountId, AccountLevel level) {}
}
