package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.propusk.account.Accounts;
import org.propusk.account.PasswordAssessment;
import org.propusk.shared.Citizen;
import org.springframework.stereotype.Service;

/**
 * A password change while signed in, for the page and the API alike: the account checks and
 * stores it and ends every session begun before; this browser or client goes on under a new id.
 */
@Service
class PasswordChangeService {

  private final Accounts accounts;
  private final SignInService signIn;

  PasswordChangeService(Accounts accounts, SignInService signIn) {
    this.accounts = accounts;
    this.signIn = signIn;
  }

  /** See {@link Accounts#changePassword(UUID, String, String, String)} for what is refused. */
  void change(
      String currentPassword,
      String password,
      String passwordRepeat,
      HttpServletRequest request,
      HttpServletResponse response) {
    Citizen me = Citizen.current().orElseThrow();
    accounts.changePassword(me.accountId(), currentPassword, password, passwordRepeat);
    signIn.renewSession(me, request, response);
  }

  /** The strength meter's view of a candidate password, against the citizen's own data too. */
  PasswordAssessment assess(String password) {
    return accounts.assessPassword(Citizen.current().orElseThrow().accountId(), password);
  }
}
