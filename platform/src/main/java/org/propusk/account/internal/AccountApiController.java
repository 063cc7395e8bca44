package org.propusk.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.propusk.account.AccountSummary;
import org.propusk.account.Accounts;
import org.propusk.shared.Citizen;
import org.propusk.shared.RecentAuthentication;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API v1: the signed-in citizen's account. */
@RestController
class AccountApiController {

  private final Accounts accounts;
  private final ContactChangeService contactChanges;
  private final RecentAuthentication recentAuthentication;

  AccountApiController(
      Accounts accounts, ContactChangeService contactChanges, RecentAuthentication recentAuthentication) {
    this.accounts = accounts;
    this.contactChanges = contactChanges;
    this.recentAuthentication = recentAuthentication;
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

  /**
   * Deletes the account of the citizen who typed the password within the re-authentication window
   * (else 403 {@code reauthentication-required}); this session ends with it, every other one at
   * its next request.
   */
  @DeleteMapping("/api/v1/me")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(HttpServletRequest request, HttpServletResponse response) {
    Citizen citizen = recentAuthentication.require();
    accounts.delete(citizen.accountId(), LocaleContextHolder.getLocale());
    AccountDeletionPageController.endSession(request, response);
  }

  private Me me(AccountSummary a) {
    return new Me(
        a.id(), a.level().level().apiName(), a.lastName(), a.firstName(), a.phone(), a.email(),
        contactChanges.pending(a.id()).orElse(null));
  }
}
