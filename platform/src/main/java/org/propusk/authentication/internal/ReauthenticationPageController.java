package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.propusk.shared.Problem;
import org.propusk.shared.ProblemPages;
import org.propusk.shared.ReauthenticationRequired;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page that asks a signed-in citizen for the password again and returns them to the action
 * that needed it; any page whose action throws {@link ReauthenticationRequired} comes here.
 */
@Controller
class ReauthenticationPageController {

  private static final String VIEW = "authentication/confirm-password";

  private final Reauthentication reauthentication;
  private final ProblemPages problems;
  private final FormActionPolicy policy;

  ReauthenticationPageController(Reauthentication reauthentication, ProblemPages problems, FormActionPolicy policy) {
    this.reauthentication = reauthentication;
    this.problems = problems;
    this.policy = policy;
  }

  @GetMapping("/login/confirm")
  String page(@RequestParam(name = "return", required = false) String returnTo, Model model, HttpServletResponse response) {
    String target = ReturnAddress.of(returnTo).orElse("/account/security");
    policy.forFormsReturningTo(target, response);
    model.addAttribute("returnTo", target);
    return VIEW;
  }

  @PostMapping("/login/confirm")
  String confirm(
      @RequestParam(name = "password", required = false) String password,
      @RequestParam(name = "return", required = false) String returnTo,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String target = ReturnAddress.of(returnTo).orElse("/account/security");
    try {
      reauthentication.confirm(password, request, response);
      return "redirect:" + target;
    } catch (Problem problem) {
      policy.forFormsReturningTo(target, response);
      model.addAttribute("returnTo", target);
      return problems.show(problem, model, response, VIEW);
    }
  }

  /** Pages whose action needs a recent password send the citizen to type it, then back. */
  @ControllerAdvice
  static class Redirect {
    @ExceptionHandler(ReauthenticationRequired.class)
    String reauthenticate(HttpServletRequest request) {
      // a form's POST cannot be replayed: back to the page it was sent from, which is its own address
      String path = request.getRequestURI();
      if ("GET".equals(request.getMethod()) && request.getQueryString() != null) {
        path += "?" + request.getQueryString();
      }
      String back = ReturnAddress.of(path).orElse("/account/security");
      return "redirect:/login/confirm?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }
  }
}
