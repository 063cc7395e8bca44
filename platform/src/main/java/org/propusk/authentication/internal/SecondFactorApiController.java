package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.propusk.shared.AuthenticationMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API v1: the citizen's second factor. Turning it on or off and new recovery codes need a
 * recent password (otherwise 403 {@code reauthentication-required}), and for an account with a
 * second factor on also a recent second factor (otherwise 403 {@code second-factor-required}: sign
 * in again with it). Turning one on ends the account's other sessions.
 */
@RestController
@RequestMapping("/api/v1/me/second-factor")
class SecondFactorApiController {

  private final SecondFactorService factors;

  SecondFactorApiController(SecondFactorService factors) {
    this.factors = factors;
  }

  /** {@code smsAvailable}: the account has a confirmed phone an SMS code could go to. */
  record StatusView(boolean totp, boolean sms, int recoveryCodesLeft, boolean smsAvailable) {}

  record EnrolmentView(String secret, String otpauthUri, String qrCode) {}

  record CodeEntry(String code) {}

  record RecoveryCodesView(List<String> recoveryCodes) {}

  @GetMapping
  StatusView status() {
    SecondFactorService.Status status = factors.status(SecondFactorService.signedInAccount());
    return new StatusView(status.app(), status.sms(), status.recoveryCodesLeft(), status.maskedPhone() != null);
  }

  @PostMapping("/totp")
  @ResponseStatus(HttpStatus.CREATED)
  EnrolmentView startApp() {
    SecondFactorService.Enrolment enrolment = factors.startApp();
    return new EnrolmentView(enrolment.secret(), enrolment.otpauthUri(), enrolment.qrCode());
  }

  /** Turns the app on, ends the account's other sessions and renews this one's id. */
  @PostMapping("/totp/confirmation")
  RecoveryCodesView confirmApp(@RequestBody CodeEntry body, HttpServletRequest request, HttpServletResponse response) {
    List<String> codes = factors.confirmApp(SecondFactorService.signedInAccount(), body.code());
    factors.turnedOn(AuthenticationMethod.TOTP, request, response);
    return new RecoveryCodesView(codes);
  }

  @DeleteMapping("/totp")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void turnAppOff() {
    factors.turnAppOff();
  }

  @PostMapping("/recovery-codes")
  RecoveryCodesView renewRecoveryCodes() {
    return new RecoveryCodesView(factors.renewRecoveryCodes());
  }

  @PostMapping("/sms")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void turnSmsOn(HttpServletRequest request, HttpServletResponse response) {
    if (factors.turnSmsOn()) {
      factors.turnedOn(null, request, response);
    }
  }

  @DeleteMapping("/sms")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void turnSmsOff() {
    factors.turnSmsOff();
  }
}
