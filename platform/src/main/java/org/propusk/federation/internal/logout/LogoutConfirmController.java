package org.propusk.federation.internal.logout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.propusk.authentication.SignIn;
import org.propusk.shared.Citizen;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Sign out of Propusk?" after a service signed out of itself with a token of another session (or
 * with nobody signed in here). Signing out is a POST with the page's CSRF token, so that no other
 * site can end the session; afterwards the page links back to the service rather than redirecting,
 * because the page's form may only lead to Propusk itself ({@code form-action 'self'}).
 */
@Controller
class LogoutConfirmController {

  static final String PATH = "/federation/sign-out";

  private final SignIn signIn;

  LogoutConfirmController(SignIn signIn) {
    this.signIn = signIn;
  }

  @GetMapping(PATH)
  String page(HttpServletRequest request, Model model) {
    Optional<PendingLogout> pending = PendingLogout.of(request);
    if (pending.isEmpty()) {
      return "redirect:/";
    }
    model.addAttribute("clientName", pending.get().clientName());
    model.addAttribute("returnTo", pending.get().returnTo());
    model.addAttribute(
        "stage", pending.get().done() ? "done" : Citizen.current().isPresent() ? "confirm" : "not-signed-in");
    return "federation/sign-out";
  }

  @PostMapping(PATH)
  String signOut(HttpServletRequest request, HttpServletResponse response) {
    Optional<PendingLogout> pending = PendingLogout.of(request);
    if (pending.isEmpty()) {
      return "redirect:/";
    }
    if (Citizen.current().isPresent()) {
      signIn.signOut(request, response);
    }
    // the signed-out browser's new session remembers where to go back to
    pending.get().signedOut().keepIn(request);
    return "redirect:" + PATH;
  }
}
