package org.propusk.federation.internal.consent;

import org.propusk.account.AccountDeleted;
import org.propusk.federation.internal.claims.SharingLog;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account's consents, its portals' authorizations (refresh tokens die with them) and its
 * sharing log go with it.
 */
@Component
class SharingOfDeletedAccounts {

  private final ConsentLedger consents;
  private final SharingLog log;

  SharingOfDeletedAccounts(ConsentLedger consents, SharingLog log) {
    this.consents = consents;
    this.log = log;
  }

  @ApplicationModuleListener
  void on(AccountDeleted event) {
    consents.forget(event.accountId());
    log.forget(event.accountId());
  }
}
