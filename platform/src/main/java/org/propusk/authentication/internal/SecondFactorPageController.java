package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.Problem;
import org.propusk.shared.ProblemPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second factor's pages under "Безопасность": setting up an app (QR code, the secret as text,
 * the first code), the recovery codes shown once, and turning the app or the SMS code on and off.
 * Starting a setup is a POST; its page only shows the secret already started.
 * Actions that need a recent password send the citizen to type it and back to the page they came
 * from: the app's setup page itself, or "Безопасность" (the address of a form's action answers a
 * GET with it).
 */
@Controller
class SecondFactorPageController {

  private static final String SETUP = "authentication/second-factor-setup";
  private static final String CODES = "authentication/recovery-codes";
  private static final String SECURITY = "redirect:/account/security";

  private final SecondFactorService factors;
  private final ProblemPages problems;

  SecondFactorPageController(SecondFactorService factors, ProblemPages problems) {
    this.factors = factors;
    this.problems = problems;
  }

  /**
   * Starts a setup with a new secret (a POST: opening a page changes nothing), then shows it; the
   * password first when it is not recent.
   */
  @PostMapping("/account/security/app/start")
  String start() {
    factors.startApp();
    return "redirect:/account/security/app";
  }

  /**
   * The setup started, with its secret: shown again (a reload, a second tab) only with a recent
   * password; once expired, back to "Безопасность" to start anew.
   */
  @GetMapping("/account/security/app")
  String setup(Model model) {
    Optional<SecondFactorService.Enrolment> pending = factors.pendingApp();
    if (pending.isEmpty()) {
      return SECURITY + "?changed=app-setup-expired";
    }
    model.addAttribute("enrolment", pending.get());
    return SETUP;
  }

  /**
   * The first code turns the app on, ends the account's other sessions and keeps this one under a
   * new id; the recovery codes are shown in this answer only.
   */
  @PostMapping("/account/security/app")
  String confirm(
      @RequestParam(required = false) String code,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      List<String> codes = factors.confirmApp(SecondFactorService.signedInAccount(), code);
      factors.turnedOn(AuthenticationMethod.TOTP, request, response);
      return showCodes(codes, true, model);
    } catch (Problem problem) {
      Optional<SecondFactorService.Enrolment> pending = factors.pendingApp();
      if (pending.isEmpty()) {
        return SECURITY + "?changed=app-setup-expired";
      }
      model.addAttribute("enrolment", pending.get());
      return problems.show(problem, model, response, SETUP);
    }
  }

  @PostMapping("/account/security/app/off")
  String turnAppOff() {
    factors.turnAppOff();
    return SECURITY + "?changed=app-off";
  }

  @PostMapping("/account/security/recovery-codes")
  String renewRecoveryCodes(Model model) {
    return showCodes(factors.renewRecoveryCodes(), false, model);
  }

  @PostMapping("/account/security/sms/on")
  String turnSmsOn(HttpServletRequest request, HttpServletResponse response) {
    if (factors.turnSmsOn()) {
      factors.turnedOn(null, request, response);
    }
    return SECURITY + "?changed=sms-on";
  }

  @PostMapping("/account/security/sms/off")
  String turnSmsOff() {
    factors.turnSmsOff();
    return SECURITY + "?changed=sms-off";
  }

  /** Where the password page returns to after a form's action needed it. */
  @GetMapping({"/account/security/app/start", "/account/security/app/off", "/account/security/recovery-codes", "/account/security/sms/on", "/account/security/sms/off"})
  String back() {
    return SECURITY;
  }

  /**
   * A change of a second factor that is on needs it proven again recently: "Безопасность" says to
   * sign in again with it.
   */
  @ExceptionHandler(SecondFactorProblems.SecondFactorRequired.class)
  String secondFactorRequired() {
    return SECURITY + "?refused=second-factor";
  }

  private static String showCodes(List<String> codes, boolean justTurnedOn, Model model) {
    model.addAttribute("codes", codes);
    model.addAttribute("justTurnedOn", justTurnedOn);
    return CODES;
  }
}
