package org.propusk.verification.internal;

import org.propusk.account.AccountDeleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account's identity profile goes with it: names, birth data, the sealed SNILS and
 * passport (and their lookups, so that another account may verify them), the addresses and the
 * checks. A check
 * job still queued finds no check and ends; one running now saves nothing, its check being gone.
 */
@Component
class ProfilesOfDeletedAccounts {

  private final StoredProfileRepository profiles;
  private final DocumentCheckRepository checks;
  private final StoredAddressRepository addresses;

  ProfilesOfDeletedAccounts(
      StoredProfileRepository profiles, DocumentCheckRepository checks, StoredAddressRepository addresses) {
    this.profiles = profiles;
    this.checks = checks;
    this.addresses = addresses;
  }

  @ApplicationModuleListener
  void on(AccountDeleted event) {
    // in the module's lock order (see DocumentChecker)
    profiles.delete(event.accountId());
    addresses.removeAll(event.accountId());
    checks.removeAll(event.accountId());
  }
}
