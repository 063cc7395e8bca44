package org.propusk.account.internal;

import java.util.UUID;
import org.propusk.account.AccountSummary;
import org.propusk.account.Accounts;
import org.propusk.shared.Citizen;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API v1: the signed-in citizen's account. */
@RestController
class AccountApiController {

  private final Accounts accounts;
  private final ContactChangeService contactChanges;

  AccountApiController(Accounts accounts, ContactChangeService contactChanges) {
    this.accounts = accounts;
    this.contactChanges = contactChanges;
  }

  /** {@code pendingContactChange}: a change waiting out its cooling-off period, or null. */
  record Me(
      UUID id,
      String level,
      String lastName,
      String firstName,
      String phone,
      String email,
      ContactChangeService.PendingView pendingContactChange) {}

  @GetMapping("/api/v1/me")
  ResponseEntity<Me> me() {
    return Citizen.current()
        .flatMap(citizen -> accounts.find(citizen.accountId()))
        .map(this::me)
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).build());
  }

  private Me me(AccountSummary a) {
    return new Me(
        a.id(), a.level().level().apiName(), a.lastName(), a.firstName(), a.phone(), a.email(),
        contactChanges.pending(a.id()).orElse(null));
  }
}
