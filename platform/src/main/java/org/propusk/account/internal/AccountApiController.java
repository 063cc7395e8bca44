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

  AccountApiController(Accounts accounts) {
    this.accounts = accounts;
  }

  record Me(UUID id, String level, String lastName, String firstName, String phone, String email) {}

  @GetMapping("/api/v1/me")
  ResponseEntity<Me> me() {
    return Citizen.current()
        .flatMap(citizen -> accounts.find(citizen.accountId()))
        .map(AccountApiController::me)
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).build());
  }

  private static Me me(AccountSummary a) {
    return new Me(
        a.id(), a.level().level().apiName(), a.lastName(), a.firstName(), a.phone(), a.email());
  }
}
