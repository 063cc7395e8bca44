package org.propusk.authentication.internal;

import org.propusk.account.AccountDeleted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What this module holds of a deleted account goes with it: every browser and client signed in to
 * it is signed out and the stored sessions (which hold the browser and the address of each
 * sign-in) are deleted, and so are its waiting sign-in flows and its second factor (the sealed app
 * secret, the recovery codes, the SMS setting). Until this has run, the request filter already
 * ends the sessions and a waiting sign-in cannot finish, since their account is gone.
 */
@Component
class AuthenticationDataOfDeletedAccounts {

  private final CitizenSessions sessions;
  private final JdbcClient jdbc;

  AuthenticationDataOfDeletedAccounts(CitizenSessions sessions, JdbcClient jdbc) {
    this.sessions = sessions;
    this.jdbc = jdbc;
  }

  @ApplicationModuleListener
  void on(AccountDeleted event) {
    for (String table : new String[] {"sign_in_flow", "second_factor_totp", "second_factor_recovery_code", "second_factor_sms"}) {
      jdbc.sql("delete from " + table + " where account_id = :account").param("account", event.accountId()).update();
    }
    sessions.endAll(event.accountId());
  }
}
