package org.propusk.recovery.internal;

import org.propusk.account.ContactsReplaced;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A service centre replaced the account's lost contacts: recoveries begun before, through the old
 * phone or e-mail, perhaps by whoever holds them now, end; those begun after with the new one go on.
 */
@Component
class RecoveriesOfReplacedContacts {

  private final RecoveryFlowRepository flows;

  RecoveriesOfReplacedContacts(RecoveryFlowRepository flows) {
    this.flows = flows;
  }

  @ApplicationModuleListener
  void on(ContactsReplaced event) {
    flows.deleteBegunBefore(event.accountId(), event.occurrence().at());
  }
}
