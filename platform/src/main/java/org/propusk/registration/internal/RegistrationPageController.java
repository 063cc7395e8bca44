package org.propusk.registration.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.propusk.account.ContactAlreadyRegistered;
import org.propusk.authentication.SignIn;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Messages;
import org.propusk.shared.Problem;
import org.propusk.shared.ProblemPages;
import org.propusk.shared.TooManyAttempts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registration pages. Each failure is shown on the page it happened on, next to its field,
 * with what the citizen typed kept (except passwords).
 */
@Controller
class RegistrationPageController {

  /**
   * Holds the token of the letter's link in the browser that opened it: the proof that lets this
   * browser, and no other, continue to the password step.
   */
  static final String LINK_COOKIE = "PROPUSK_REGISTRATION_LINK";

  private final RegistrationService registrations;
  private final SignIn signIn;
  private final Messages messages;
  private final ProblemPages pages;

  RegistrationPageController(RegistrationService registrations, SignIn signIn, Messages messages, ProblemPages pages) {
    this.registrations = registrations;
    this.signIn = signIn;
    this.messages = messages;
    this.pages = pages;
  }

  /** The first page's fields; {@code channel} says which contact is used. */
  record StartForm(
      String lastName, String firstName, String channel, String phone, String email, Boolean acceptTerms) {

    StartForm {
      channel = "email".equals(channel) ? "email" : "phone";
    }

    RegistrationService.StartRegistration toRequest() {
      boolean byEmail = "email".equals(channel);
      return new RegistrationService.StartRegistration(
          lastName, firstName, byEmail ? null : phone, byEmail ? email : null, acceptTerms);
    }
  }

  record CodeForm(String code) {}

  record PasswordForm(String password, String passwordRepeat) {}

  @GetMapping("/register")
  String start(@ModelAttribute("form") StartForm form) {
    return "registration/start";
  }

  @PostMapping("/register")
  String start(
      @ModelAttribute("form") StartForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      FlowView flow =
          registrations.start(
              form.toRequest(), request.getRemoteAddr(), LocaleContextHolder.getLocale());
      return "redirect:/register/" + flow.id() + "/confirm";
    } catch (ContactAlreadyRegistered taken) {
      model.addAttribute("taken", true);
      model.addAttribute("recoveryUrl", ContactAlreadyRegistered.RECOVERY_URL);
      return pages.show(taken, model, response, "registration/start");
    } catch (InvalidInput | TooManyAttempts problem) {
      return pages.show(problem, model, response, "registration/start");
    }
  }

  @GetMapping("/register/{id}/confirm")
  String confirmation(@PathVariable UUID id, Model model) {
    model.addAttribute("flow", registrations.view(id, null));
    model.addAttribute("form", new CodeForm(null));
    return "registration/confirm";
  }

  @PostMapping("/register/{id}/confirm")
  String confirm(
      @PathVariable UUID id,
      @ModelAttribute("form") CodeForm form,
      Model model,
      HttpServletResponse response) {
    try {
      registrations.confirm(id, form.code());
      return "redirect:/register/" + id + "/password";
    } catch (RegistrationProblems.FlowNotFound gone) {
      throw gone;
    } catch (Problem problem) {
      model.addAttribute("flow", registrations.view(id, null));
      model.addAttribute("form", new CodeForm(null));
      return pages.show(problem, model, response, "registration/confirm");
    }
  }

  @PostMapping("/register/{id}/resend")
  String resend(@PathVariable UUID id, RedirectAttributes redirect) {
    try {
      registrations.resend(id);
      redirect.addFlashAttribute("notice", messages.get("registration.confirm.resent"));
    } catch (RegistrationProblems.FlowNotFound gone) {
      throw gone;
    } catch (Problem problem) {
      redirect.addFlashAttribute("error", pages.describe(problem));
    }
    return "redirect:/register/" + id + "/confirm";
  }

  @GetMapping("/register/email/{token}")
  String emailLink(
      @PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
    try {
      FlowView flow = registrations.openLink(token);
      response.addHeader(
          HttpHeaders.SET_COOKIE,
          ResponseCookie.from(LINK_COOKIE, token)
              .path("/register")
              .httpOnly(true)
              .secure(request.isSecure())
              .sameSite("Lax")
              .build()
              .toString());
      return "redirect:/register/" + flow.id() + "/password";
    } catch (Problem problem) {
      model.addAttribute("heading", messages.get("registration.link.title"));
      return pages.show(problem, model, response, "registration/start-over");
    }
  }

  @GetMapping("/register/{id}/password")
  String passwordPage(
      @PathVariable UUID id, @CookieValue(name = LINK_COOKIE, required = false) String link, Model model) {
    FlowView flow = registrations.view(id, link);
    if (!"contact_confirmed".equals(flow.state())) {
      return "redirect:/register/" + id + "/confirm";
    }
    model.addAttribute("flow", flow);
    model.addAttribute("form", new PasswordForm(null, null));
    return "registration/password";
  }

  @PostMapping("/register/{id}/password")
  String password(
      @PathVariable UUID id,
      @ModelAttribute("form") PasswordForm form,
      @CookieValue(name = LINK_COOKIE, required = false) String link,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      RegistrationService.Opened opened = registrations.setPassword(id, form.password(), form.passwordRepeat(), link);
      signIn.startSession(opened.accountId(), opened.contactProof(), request, response);
      return "redirect:/?welcome";
    } catch (ContactAlreadyRegistered taken) {
      model.addAttribute("recoveryUrl", ContactAlreadyRegistered.RECOVERY_URL);
      return pages.show(taken, model, response, "registration/start-over");
    } catch (RegistrationProblems.FlowNotFound gone) {
      throw gone;
    } catch (Problem problem) {
      model.addAttribute("flow", registrations.view(id, link));
      model.addAttribute("form", new PasswordForm(null, null));
      return pages.show(problem, model, response, "registration/password");
    }
  }

  /** A flow that is gone (expired, finished, unknown) sends the citizen back to the start. */
  @org.springframework.web.bind.annotation.ExceptionHandler(RegistrationProblems.FlowNotFound.class)
  String flowGone(RegistrationProblems.FlowNotFound gone, Model model, HttpServletResponse response) {
    return pages.show(gone, model, response, "registration/start-over");
  }
}
