package org.propusk.authentication.internal;

import java.util.List;
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
 * recent password (otherwise 403 {@code reauthentication-required}).
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

  @PostMapping("/totp/confirmation")
  RecoveryCodesView confirmApp(@RequestBody CodeEntry body) {
    return new RecoveryCodesView(factors.confirmApp(SecondFactorService.signedInAccount(), body.code()));
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
  void turnSmsOn() {
    factors.turnSmsOn();
  }

  @DeleteMapping("/sms")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void turnSmsOff() {
    factors.turnSmsOff();
  }
}
