package org.propusk.authentication.internal;

import org.propusk.account.AccountDeleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account's sessions go with it: every browser and client signed in to it is signed out,
 * and the stored sessions (which hold the browser and the address of each sign-in) are deleted.
 * Until this has run, the request filter already ends them, since their account is gone.
 */
@Component
class SessionsOfDeletedAccounts {

  private final CitizenSessions sessions;

  SessionsOfDeletedAccounts(CitizenSessions sessions) {
    this.sessions = sessions;
  }

  @ApplicationModuleListener
  void on(AccountDeleted event) {
    sessions.endAll(event.accountId());
  }
}
