package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.propusk.account.Accounts;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.Citizen;
import org.springframework.stereotype.Service;

/**
 * The password typed again by a signed-in citizen, for the page and the API alike: the session
 * records the new proof under a new id and CSRF token, so that the guarded action may go on.
 */
@Service
class Reauthentication {

  private final Accounts accounts;
  private final Sessions sessions;
  private final Clock clock;

  Reauthentication(Accounts accounts, Sessions sessions, Clock clock) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** See {@link Accounts#confirmPassword} for what is refused. */
  void confirm(String password, HttpServletRequest request, HttpServletResponse response) {
    Citizen citizen = Citizen.current().orElseThrow();
    accounts.confirmPassword(citizen.accountId(), password);
    sessions.renew(citizen.provedAgain(AuthenticationMethod.PASSWORD, clock.instant()), request, response);
  }
}
