package org.propusk.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.propusk.shared.Citizen;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API v1: changing or adding the signed-in citizen's phone or e-mail. Starting needs the
 * password proven within the re-authentication window ({@code POST /api/v1/session/reauthentication}).
 */
@RestController
@RequestMapping("/api/v1/me/contact-changes")
class ContactChangeApiController {

  private final ContactChangeService changes;

  ContactChangeApiController(ContactChangeService changes) {
    this.changes = changes;
  }

  record Start(String phone, String email) {}

  record CodeEntry(String code) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ContactChangeService.ContactChangeView start(@RequestBody Start body, HttpServletRequest request) {
    return changes.start(me(), body.phone(), body.email(), request.getRemoteAddr(), LocaleContextHolder.getLocale());
  }

  @PostMapping("/{id}/resend")
  @ResponseStatus(HttpStatus.ACCEPTED)
  ContactChangeService.ContactChangeView resend(@PathVariable UUID id) {
    return changes.resend(me(), id);
  }

  /** The right code: accepted, to take effect after the cooling-off period. */
  @PostMapping("/{id}/confirmation")
  @ResponseStatus(HttpStatus.ACCEPTED)
  ContactChangeService.PendingView confirm(@PathVariable UUID id, @RequestBody CodeEntry body) {
    return changes.confirm(me(), id, body.code());
  }

  @GetMapping("/pending")
  ContactChangeService.PendingView pending() {
    return changes.pending(me()).orElseThrow(AccountProblems.ContactChangeNotFound::new);
  }

  @DeleteMapping("/pending")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void cancelPending() {
    changes.cancelPending(me());
  }

  private static UUID me() {
    return Citizen.current().orElseThrow().accountId();
  }
}
