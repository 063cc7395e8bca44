package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.propusk.authentication.SignIn;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.InvalidInput;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API v1: the sign-in flow and sign-out. The flow waiting for a second factor belongs to the
 * client's session (its cookie); a {@code flowId} in a body is only checked against it.
 */
@RestController
@RequestMapping("/api/v1/session")
class SessionApiController {

  private final SignInService signIns;
  private final SignIn signIn;

  SessionApiController(SignInService signIns, SignIn signIn) {
    this.signIns = signIns;
    this.signIn = signIn;
  }

  record Credentials(String login, String password, String returnTo, String minLevel, Long maxAge) {}

  /** Signed in; {@code requiredLevel} set when the account is below the {@code minLevel} asked for. */
  record Session(UUID accountId, String level, String returnTo, String requiredLevel) {}

  record NextStep(String next, List<String> methods, UUID flowId, Instant expiresAt) {}

  record SecondFactorEntry(String method, String code, UUID flowId) {}

  record SmsRequest(UUID flowId) {}

  record SmsSent(Instant resendAvailableAt) {}

  /** 200 with the session when done, 202 with the next step when the account has a second factor. */
  @PostMapping
  ResponseEntity<Object> signIn(
      @RequestBody Credentials credentials, HttpServletRequest request, HttpServletResponse response) {
    SignInFlow.Request wanted =
        SignInFlow.Request.strict(credentials.returnTo(), credentials.minLevel(), credentials.maxAge());
    return switch (signIns.signIn(credentials.login(), credentials.password(), wanted, request, response)) {
      case SignInService.Outcome.Done done -> ResponseEntity.ok(session(done));
      case SignInService.Outcome.SecondFactorNeeded next ->
          ResponseEntity.status(HttpStatus.ACCEPTED)
              .body(
                  new NextStep(
                      "second_factor",
                      next.methods().stream().map(SessionApiController::apiName).toList(),
                      next.flowId(),
                      next.expiresAt()));
    };
  }

  @PostMapping("/second-factor")
  Session secondFactor(
      @RequestBody SecondFactorEntry entry, HttpServletRequest request, HttpServletResponse response) {
    return session(signIns.secondFactor(request, response, entry.flowId(), method(entry.method()), entry.code()));
  }

  @PostMapping("/second-factor/sms")
  @ResponseStatus(HttpStatus.ACCEPTED)
  SmsSent sendSms(@RequestBody(required = false) SmsRequest body, HttpServletRequest request) {
    return new SmsSent(
        signIns.sendSmsCode(request, body == null ? null : body.flowId(), LocaleContextHolder.getLocale()));
  }

  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void signOut(HttpServletRequest request, HttpServletResponse response) {
    signIn.signOut(request, response);
  }

  private static Session session(SignInService.Outcome.Done done) {
    return new Session(
        done.accountId(),
        done.level().apiName(),
        done.returnTo(),
        done.requiredLevel() == null ? null : done.requiredLevel().apiName());
  }

  /** {@code totp}, {@code sms}, {@code recovery_code}: the API's names of the second factors. */
  static String apiName(AuthenticationMethod method) {
    return method.name().toLowerCase(java.util.Locale.ROOT);
  }

  static AuthenticationMethod method(String name) {
    return Arrays.stream(AuthenticationMethod.values())
        .filter(m -> m.possession() && m != AuthenticationMethod.EMAIL && apiName(m).equals(name))
        .findFirst()
        .orElseThrow(() -> new InvalidInput("method", name == null ? "required" : "unavailable"));
  }
}
