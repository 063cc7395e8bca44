package org.propusk.authentication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.propusk.account.AccountLevel;
import org.propusk.shared.AuthenticationMethod;

/**
 * Starts and ends sessions for the other modules (registration and recovery end in a session). The
 * sign-in with login and password is the authentication module's own flow, with its pages and API.
 */
public interface SignIn {

  /**
   * Starts a session for an account whose owner has just proved control of its contact ({@link
   * AuthenticationMethod#SMS} or {@link AuthenticationMethod#EMAIL}) and set its password, at the
   * end of a registration or a recovery.
   *
   * @throws IllegalStateException when the account has a second factor: see the other overload
   */
  default AccountLevel startSession(
      UUID accountId, AuthenticationMethod contactProof, HttpServletRequest request, HttpServletResponse response) {
    return startSession(accountId, EnumSet.of(contactProof), request, response);
  }

  /**
   * Starts a session for an account whose owner has just set its password after proving {@code
   * proofs}. An account with a second factor needs two of them that are possession (a contact and
   * the second factor, or both contacts): no path signs it in on one contact and a password alone.
   *
   * @throws IllegalStateException when the proofs are not enough for the account
   */
  AccountLevel startSession(
      UUID accountId, Set<AuthenticationMethod> proofs, HttpServletRequest request, HttpServletResponse response);

  /** Forgets the failed sign-ins of a login, e.g. once its owner recovered access. */
  void forgetFailures(org.propusk.identifiers.LoginIdentifier login);

  void signOut(HttpServletRequest request, HttpServletResponse response);
}
