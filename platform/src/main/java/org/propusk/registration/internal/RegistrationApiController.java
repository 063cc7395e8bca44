package org.propusk.registration.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.UUID;
import org.propusk.account.PasswordStrength;
import org.propusk.authentication.SignIn;
import org.propusk.shared.Messages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API v1 of the registration; see the README for the contract. An API client proves the
 * contact with the code: the letter's link opens the password step only in the browser.
 */
@RestController
@RequestMapping("/api/v1/registrations")
class RegistrationApiController {

  private final RegistrationService registrations;
  private final SignIn signIn;
  private final Messages messages;

  RegistrationApiController(RegistrationService registrations, SignIn signIn, Messages messages) {
    this.registrations = registrations;
    this.signIn = signIn;
    this.messages = messages;
  }

  record Started(
      UUID id, String state, String channel, Instant codeExpiresAt, Instant resendAvailableAt) {}

  record Resent(Instant codeExpiresAt, Instant resendAvailableAt) {}

  record CodeEntry(String code) {}

  record State(String state) {}

  record PasswordEntry(String password, String passwordRepeat) {}

  record Opened(UUID accountId, String level) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Started start(@RequestBody RegistrationService.StartRegistration body, HttpServletRequest request) {
    FlowView flow =
        registrations.start(body, request.getRemoteAddr(), LocaleContextHolder.getLocale());
    return new Started(
        flow.id(), flow.state(), flow.channel(), flow.codeExpiresAt(), flow.resendAvailableAt());
  }

  @GetMapping("/{id}")
  FlowView show(@PathVariable UUID id) {
    return registrations.view(id, null);
  }

  @PostMapping("/{id}/resend")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Resent resend(@PathVariable UUID id) {
    FlowView flow = registrations.resend(id);
    return new Resent(flow.codeExpiresAt(), flow.resendAvailableAt());
  }

  @PostMapping("/{id}/confirmation")
  State confirm(@PathVariable UUID id, @RequestBody CodeEntry body) {
    return new State(registrations.confirm(id, body.code()).state());
  }

  @PostMapping("/{id}/password-strength")
  PasswordStrength strength(@PathVariable UUID id, @RequestBody PasswordEntry body) {
    return PasswordStrength.of(registrations.assessPassword(id, body.password()), messages);
  }

  @PostMapping("/{id}/password")
  @ResponseStatus(HttpStatus.CREATED)
  Opened password(
      @PathVariable UUID id,
      @RequestBody PasswordEntry body,
      HttpServletRequest request,
      HttpServletResponse response) {
    RegistrationService.Opened opened = registrations.setPassword(id, body.password(), body.passwordRepeat(), null);
    return new Opened(
        opened.accountId(), signIn.startSession(opened.accountId(), opened.contactProof(), request, response).apiName());
  }
}
