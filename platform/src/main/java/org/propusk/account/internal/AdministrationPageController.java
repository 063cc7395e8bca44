package org.propusk.account.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.propusk.account.LastAdministrator;
import org.propusk.account.Role;
import org.propusk.account.Roles;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.shared.Citizen;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.ProblemPages;
import org.propusk.shared.RecentAuthentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' home page ({@code /admin}): who the administrators are, granting the role by
 * phone or e-mail and revoking it. The security chain lets only administrators with their second
 * factor in this session in (authentication module, {@code RoleAccess}); granting and
 * revoking also need the password proven within the re-authentication window. Later admin pages
 * (relying parties, the catalogue, operators) are linked from here.
 */
@Controller
class AdministrationPageController {

  static final String VIEW = "admin/home";

  private final Roles roles;
  private final RecentAuthentication recentAuthentication;
  private final ProblemPages problems;

  AdministrationPageController(Roles roles, RecentAuthentication recentAuthentication, ProblemPages problems) {
    this.roles = roles;
    this.recentAuthentication = recentAuthentication;
    this.problems = problems;
  }

  @GetMapping("/admin")
  String page(Model model) {
    return show(model);
  }

  @PostMapping("/admin/administrators")
  String grant(@RequestParam(required = false) String login, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Citizen administrator = recentAuthentication.require();
    model.addAttribute("login", login);
    try {
      LoginIdentifier identifier =
          LoginIdentifier.classify(login)
              .filter(l -> !(l instanceof LoginIdentifier.BySnils))
              .orElseThrow(() -> new InvalidInput("login", login == null || login.isBlank() ? "required" : "phone_or_email"));
      roles.grant(identifier, Role.ADMINISTRATOR, administrator.accountId());
    } catch (InvalidInput invalid) {
      problems.show(invalid, model, response, VIEW);
      return show(model);
    }
    redirect.addFlashAttribute("done", "granted");
    return "redirect:/admin";
  }

  @PostMapping("/admin/administrators/{accountId}/revoke")
  String revoke(@PathVariable UUID accountId, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Citizen administrator = recentAuthentication.require();
    try {
      roles.revoke(accountId, Role.ADMINISTRATOR, administrator.accountId());
    } catch (LastAdministrator last) {
      problems.show(last, model, response, VIEW);
      return show(model);
    }
    redirect.addFlashAttribute("done", "revoked");
    return "redirect:/admin";
  }

  private String show(Model model) {
    model.addAttribute("administrators", roles.administrators());
    model.addAttribute("me", Citizen.current().map(Citizen::accountId).orElse(null));
    return VIEW;
  }
}
