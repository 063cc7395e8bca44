package org.propusk.recovery.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.UUID;
import org.propusk.account.PasswordStrength;
import org.propusk.authentication.SignIn;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.Messages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API v1 of access recovery. */
@RestController
@RequestMapping("/api/v1/recoveries")
class RecoveryApiController {

  private final RecoveryService recoveries;
  private final SignIn signIn;
  private final Messages messages;

  RecoveryApiController(RecoveryService recoveries, SignIn signIn, Messages messages) {
    this.recoveries = recoveries;
    this.signIn = signIn;
    this.messages = messages;
  }

  record Start(String login) {}

  record Started(UUID id, String state, String channel, Instant codeExpiresAt, Instant resendAvailableAt) {}

  record Resent(Instant codeExpiresAt, Instant resendAvailableAt) {}

  record CodeEntry(String code) {}

  /** The state; at the second-factor step also its choices (see {@link RecoveryView}). */
  record State(String state, java.util.List<String> secondFactors, String otherContact, Boolean serviceCentre) {

    static State of(RecoveryView view) {
      boolean step = "second_factor".equals(view.state());
      return new State(
          view.state(), step ? view.secondFactors() : null, step ? view.otherContact() : null, step ? view.serviceCentreOnly() : null);
    }
  }

  record SecondFactorEntry(String method, String code) {}

  record OtherContactSent(String channel, String maskedContact, Instant codeExpiresAt, Instant resendAvailableAt) {}

  record PasswordEntry(String password, String passwordRepeat) {}

  record Recovered(UUID accountId, String level) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Started start(@RequestBody Start body, HttpServletRequest request) {
    RecoveryView flow = recoveries.start(body.login(), request.getRemoteAddr(), LocaleContextHolder.getLocale());
    return new Started(flow.id(), flow.state(), flow.channel(), flow.codeExpiresAt(), flow.resendAvailableAt());
  }

  @PostMapping("/{id}/resend")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Resent resend(@PathVariable UUID id, HttpServletRequest request) {
    RecoveryView flow = recoveries.resend(id, request.getRemoteAddr());
    return new Resent(flow.codeExpiresAt(), flow.resendAvailableAt());
  }

  @PostMapping("/{id}/confirmation")
  State confirm(@PathVariable UUID id, @RequestBody CodeEntry body) {
    return State.of(recoveries.confirm(id, body.code()));
  }

  @PostMapping("/{id}/second-factor")
  State secondFactor(@PathVariable UUID id, @RequestBody SecondFactorEntry body) {
    return State.of(recoveries.secondFactor(id, method(body.method()), body.code()));
  }

  @PostMapping("/{id}/other-contact")
  @ResponseStatus(HttpStatus.ACCEPTED)
  OtherContactSent otherContact(@PathVariable UUID id, HttpServletRequest request) {
    RecoveryView flow = recoveries.sendOtherContactCode(id, request.getRemoteAddr());
    return new OtherContactSent(flow.channel(), flow.maskedContact(), flow.codeExpiresAt(), flow.resendAvailableAt());
  }

  @PostMapping("/{id}/other-contact/confirmation")
  State confirmOtherContact(@PathVariable UUID id, @RequestBody CodeEntry body) {
    return State.of(recoveries.confirmOtherContact(id, body.code()));
  }

  /** {@code totp} or {@code recovery_code}. */
  static AuthenticationMethod method(String name) {
    for (AuthenticationMethod method : new AuthenticationMethod[] {AuthenticationMethod.TOTP, AuthenticationMethod.RECOVERY_CODE}) {
      if (method.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
        return method;
      }
    }
    return null;
  }

  @PostMapping("/{id}/password-strength")
  PasswordStrength strength(@PathVariable UUID id, @RequestBody PasswordEntry body) {
    return PasswordStrength.of(recoveries.assessPassword(id, body.password()), messages);
  }

  @PostMapping("/{id}/password")
  Recovered password(
      @PathVariable UUID id,
      @RequestBody PasswordEntry body,
      HttpServletRequest request,
      HttpServletResponse response) {
    RecoveryService.Recovered recovered = recoveries.setPassword(id, body.password(), body.passwordRepeat());
    recoveries.login(id).ifPresent(signIn::forgetFailures);
    return new Recovered(
        recovered.accountId(), signIn.startSession(recovered.accountId(), recovered.proofs(), request, response).apiName());
  }
}
