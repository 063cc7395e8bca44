package org.propusk.operator.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.propusk.shared.Citizen;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Problem;
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
 * The administrators' page of service centres ({@code /admin/centres}, linked from {@code /admin}):
 * the centres with their operators, a new centre, an operator added by phone or e-mail or taken
 * off. The security chain lets only administrators with their second factor in (authentication
 * module, {@code RoleAccess}); adding and removing operators grant and revoke a role, so they also
 * need the password within the re-authentication window, as the administrators' page does.
 */
@Controller
class CentreAdminController {

  static final String VIEW = "operator/centres";

  private final CentreService centres;
  private final RecentAuthentication recentAuthentication;
  private final ProblemPages problems;

  CentreAdminController(CentreService centres, RecentAuthentication recentAuthentication, ProblemPages problems) {
    this.centres = centres;
    this.recentAuthentication = recentAuthentication;
    this.problems = problems;
  }

  @GetMapping("/admin/centres")
  String page(Model model) {
    return show(model);
  }

  @PostMapping("/admin/centres")
  String add(
      @RequestParam(required = false) String centreCode,
      @RequestParam(required = false) String centreName,
      @RequestParam(required = false) String centreAddress,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      centres.add(centreCode, centreName, centreAddress, Citizen.current().orElseThrow().accountId());
    } catch (InvalidInput invalid) {
      model.addAttribute("centreForm", new CentreForm(centreCode, centreName, centreAddress));
      problems.show(invalid, model, response, VIEW);
      return show(model);
    }
    redirect.addFlashAttribute("done", "centre-added");
    return "redirect:/admin/centres";
  }

  @PostMapping("/admin/centres/{centreId}/operators")
  String addOperator(
      @PathVariable UUID centreId,
      @RequestParam(required = false) String login,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Citizen administrator = recentAuthentication.require();
    try {
      centres.addOperator(centreId, login, administrator.accountId());
    } catch (Problem problem) { // field errors next to that centre's field; an unknown centre above all
      model.addAttribute("failedCentre", centreId);
      model.addAttribute("login", login);
      problems.show(problem, model, response, VIEW);
      return show(model);
    }
    redirect.addFlashAttribute("done", "operator-added");
    return "redirect:/admin/centres";
  }

  @PostMapping("/admin/centres/{centreId}/operators/{accountId}/remove")
  String removeOperator(@PathVariable UUID centreId, @PathVariable UUID accountId, RedirectAttributes redirect) {
    Citizen administrator = recentAuthentication.require();
    centres.removeOperator(centreId, accountId, administrator.accountId());
    redirect.addFlashAttribute("done", "operator-removed");
    return "redirect:/admin/centres";
  }

  private String show(Model model) {
    model.addAttribute("centres", centres.centresWithOperators());
    if (!model.containsAttribute("centreForm")) {
      model.addAttribute("centreForm", new CentreForm("", "", ""));
    }
    return VIEW;
  }

  /** The new centre's fields as typed, to show them again next to their errors. */
  record CentreForm(String centreCode, String centreName, String centreAddress) {}
}
