package org.propusk.recovery.internal;

import org.propusk.account.AccountDeleted;
import org.propusk.shared.OneTimeSecrets;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A deleted account's recoveries go with it, and so do those begun for its contacts before. */
@Component
class RecoveriesOfDeletedAccounts {

  private final RecoveryFlowRepository flows;
  private final OneTimeSecrets secrets;

  RecoveriesOfDeletedAccounts(RecoveryFlowRepository flows, OneTimeSecrets secrets) {
    this.flows = flows;
    this.secrets = secrets;
  }

  @ApplicationModuleListener
  void on(AccountDeleted event) {
    flows.deleteOf(event.accountId(), event.contacts(secrets), event.occurrence().at());
  }
}
