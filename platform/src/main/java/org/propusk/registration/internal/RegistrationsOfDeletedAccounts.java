package org.propusk.registration.internal;

import org.propusk.account.AccountDeleted;
import org.propusk.shared.OneTimeSecrets;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Registrations hold the contact and the names they were begun with, not the account they opened:
 * those of a deleted account's contacts, begun before its deletion, go with it. A registration of
 * the freed contact begun afterwards is someone's new account and stays.
 */
@Component
class RegistrationsOfDeletedAccounts {

  private final RegistrationFlowRepository flows;
  private final OneTimeSecrets secrets;

  RegistrationsOfDeletedAccounts(RegistrationFlowRepository flows, OneTimeSecrets secrets) {
    this.flows = flows;
    this.secrets = secrets;
  }

  @ApplicationModuleListener
  void on(AccountDeleted event) {
    flows.deleteFor(event.contacts(secrets), event.occurrence().at());
  }
}
