package org.propusk.recovery.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.propusk.authentication.SignIn;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Messages;
import org.propusk.shared.Problem;
import org.propusk.shared.ProblemPages;
import org.propusk.shared.TooManyAttempts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The access recovery pages. */
@Controller
class RecoveryPageController {

  private final RecoveryService recoveries;
  private final SignIn signIn;
  private final Messages messages;
  private final ProblemPages pages;

  RecoveryPageController(RecoveryService recoveries, SignIn signIn, Messages messages, ProblemPages pages) {
    this.recoveries = recoveries;
    this.signIn = signIn;
    this.messages = messages;
    this.pages = pages;
  }

  record StartForm(String login) {}

  record PasswordForm(String password, String passwordRepeat) {}

  @GetMapping("/recovery")
  String start(@RequestParam(required = false) String login, Model model) {
    model.addAttribute("form", new StartForm(login));
    return "recovery/start";
  }

  @PostMapping("/recovery")
  String start(
      @ModelAttribute("form") StartForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      RecoveryView flow =
          recoveries.start(form.login(), request.getRemoteAddr(), LocaleContextHolder.getLocale());
      return "redirect:/recovery/" + flow.id() + "/confirm";
    } catch (InvalidInput | TooManyAttempts problem) {
      return pages.show(problem, model, response, "recovery/start");
    }
  }

  @GetMapping("/recovery/{id}/confirm")
  String confirmation(@PathVariable UUID id, Model model) {
    model.addAttribute("flow", recoveries.view(id));
    return "recovery/confirm";
  }

  @PostMapping("/recovery/{id}/confirm")
  String confirm(
      @PathVariable UUID id,
      @RequestParam(required = false) String code,
      Model model,
      HttpServletResponse response) {
    try {
      RecoveryView flow = recoveries.confirm(id, code);
      return "second_factor".equals(flow.state())
          ? "redirect:/recovery/" + id + "/second-factor"
          : "redirect:/recovery/" + id + "/password";
    } catch (RecoveryProblems.FlowNotFound gone) {
      throw gone;
    } catch (Problem problem) {
      model.addAttribute("flow", recoveries.view(id));
      return pages.show(problem, model, response, "recovery/confirm");
    }
  }

  @PostMapping({"/recovery/{id}/resend", "/recovery/{id}/other-contact/resend"})
  String resend(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
    try {
      if ("other_contact_code_sent".equals(recoveries.resend(id, request.getRemoteAddr()).state())) {
        redirect.addFlashAttribute("notice", messages.get("registration.confirm.resent"));
        return "redirect:/recovery/" + id + "/other-contact";
      }
      redirect.addFlashAttribute("notice", messages.get("registration.confirm.resent"));
    } catch (RecoveryProblems.FlowNotFound gone) {
      throw gone;
    } catch (Problem problem) {
      redirect.addFlashAttribute("error", pages.describe(problem));
    }
    return "redirect:/recovery/" + id + next(recoveries.view(id));
  }

  /** The account's second factor, or the way out when it is lost. */
  @GetMapping("/recovery/{id}/second-factor")
  String secondFactorPage(@PathVariable UUID id, @RequestParam(required = false) String method, Model model) {
    RecoveryView flow = recoveries.view(id);
    if (!"second_factor".equals(flow.state())) {
      return "redirect:/recovery/" + id + next(flow);
    }
    return showSecondFactor(flow, method, model);
  }

  @PostMapping("/recovery/{id}/second-factor")
  String secondFactor(
      @PathVariable UUID id,
      @RequestParam(required = false) String method,
      @RequestParam(required = false) String code,
      Model model,
      HttpServletResponse response) {
    try {
      recoveries.secondFactor(id, RecoveryApiController.method(method), code);
      return "redirect:/recovery/" + id + "/password";
    } catch (RecoveryProblems.FlowNotFound gone) {
      throw gone;
    } catch (Problem problem) {
      pages.show(problem, model, response, "recovery/second-factor");
      return showSecondFactor(recoveries.view(id), method, model);
    }
  }

  @PostMapping("/recovery/{id}/other-contact")
  String otherContact(@PathVariable UUID id, HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    try {
      recoveries.sendOtherContactCode(id, request.getRemoteAddr());
      return "redirect:/recovery/" + id + "/other-contact";
    } catch (RecoveryProblems.FlowNotFound gone) {
      throw gone;
    } catch (RecoveryProblems.ServiceCentreNeeded offline) {
      return "redirect:/recovery/" + id + "/second-factor";
    } catch (Problem problem) {
      redirect.addFlashAttribute("error", pages.describe(problem));
      return "redirect:/recovery/" + id + "/other-contact";
    }
  }

  @GetMapping("/recovery/{id}/other-contact")
  String otherContactPage(@PathVariable UUID id, Model model) {
    RecoveryView flow = recoveries.view(id);
    if (!"other_contact_code_sent".equals(flow.state())) {
      return "redirect:/recovery/" + id + next(flow);
    }
    model.addAttribute("flow", flow);
    return "recovery/other-contact";
  }

  @PostMapping("/recovery/{id}/other-contact/confirm")
  String confirmOtherContact(
      @PathVariable UUID id, @RequestParam(required = false) String code, Model model, HttpServletResponse response) {
    try {
      recoveries.confirmOtherContact(id, code);
      return "redirect:/recovery/" + id + "/password";
    } catch (RecoveryProblems.FlowNotFound gone) {
      throw gone;
    } catch (Problem problem) {
      model.addAttribute("flow", recoveries.view(id));
      return pages.show(problem, model, response, "recovery/other-contact");
    }
  }

  private String showSecondFactor(RecoveryView flow, String method, Model model) {
    model.addAttribute("flow", flow);
    model.addAttribute(
        "method",
        method != null && flow.secondFactors().contains(method) ? method : flow.secondFactors().stream().findFirst().orElse(null));
    return "recovery/second-factor";
  }

  /** The page of the step the flow is at. */
  private static String next(RecoveryView flow) {
    return switch (flow.state()) {
      case "second_factor" -> "/second-factor";
      case "other_contact_code_sent" -> "/other-contact";
      case "code_confirmed" -> "/password";
      default -> "/confirm";
    };
  }

  @GetMapping("/recovery/{id}/password")
  String passwordPage(@PathVariable UUID id, Model model) {
    RecoveryView flow = recoveries.view(id);
    if (!"code_confirmed".equals(flow.state())) {
      return "redirect:/recovery/" + id + next(flow);
    }
    model.addAttribute("flow", flow);
    return "recovery/password";
  }

  @PostMapping("/recovery/{id}/password")
  String password(
      @PathVariable UUID id,
      @ModelAttribute("form") PasswordForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      RecoveryService.Recovered recovered = recoveries.setPassword(id, form.password(), form.passwordRepeat());
      recoveries.login(id).ifPresent(signIn::forgetFailures);
      signIn.startSession(recovered.accountId(), recovered.proofs(), request, response);
      return "redirect:/?recovered";
    } catch (RecoveryProblems.FlowNotFound gone) {
      throw gone;
    } catch (Problem problem) {
      model.addAttribute("flow", recoveries.view(id));
      return pages.show(problem, model, response, "recovery/password");
    }
  }

  @ExceptionHandler(RecoveryProblems.FlowNotFound.class)
  String flowGone(RecoveryProblems.FlowNotFound gone, Model model, HttpServletResponse response) {
    return pages.show(gone, model, response, "recovery/start-over");
  }
}
