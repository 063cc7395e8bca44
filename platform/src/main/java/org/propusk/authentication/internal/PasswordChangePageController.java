package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.propusk.shared.Problem;
import org.propusk.shared.ProblemPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page to change the password while signed in; errors next to their fields. */
@Controller
class PasswordChangePageController {

  private final PasswordChangeService changes;
  private final ProblemPages pages;

  PasswordChangePageController(PasswordChangeService changes, ProblemPages pages) {
    this.changes = changes;
    this.pages = pages;
  }

  @GetMapping("/account/password")
  String page() {
    return "authentication/password-change";
  }

  /** The passwords are never sent back to the page. */
  @PostMapping("/account/password")
  String change(
      @RequestParam(required = false) String currentPassword,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) String passwordRepeat,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      changes.change(currentPassword, password, passwordRepeat, request, response);
      return "redirect:/account/password?changed";
    } catch (Problem problem) {
      return pages.show(problem, model, response, "authentication/password-change");
    }
  }
}
