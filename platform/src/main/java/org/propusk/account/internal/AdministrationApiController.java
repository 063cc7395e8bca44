package org.propusk.account.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.propusk.account.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API (protected like the admin pages: administrator, second factor in the session).
 * Read-only for now: changes go through the page, which asks for the password again.
 */
@RestController
class AdministrationApiController {

  record Administrator(UUID accountId, String lastName, String firstName, String login, Instant grantedAt, UUID grantedBy) {}

  private final Roles roles;

  AdministrationApiController(Roles roles) {
    this.roles = roles;
  }

  @GetMapping("/api/v1/admin/administrators")
  List<Administrator> administrators() {
    return roles.administrators().stream()
        .map(h -> new Administrator(h.accountId(), h.lastName(), h.firstName(), h.login(), h.grantedAt(), h.grantedBy()))
        .toList();
  }
}
