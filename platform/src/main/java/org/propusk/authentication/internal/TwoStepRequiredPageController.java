package org.propusk.authentication.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where an administrator or an operator without a second factor on the account is sent from the
 * role's pages: it says that they need two-step sign-in, links "Безопасность" to turn it on, and
 * then a fresh sign-in with it. {@link RoleAccess} lets the role's holders (only) see it without
 * the second factor.
 */
@Controller
class TwoStepRequiredPageController {

  @GetMapping(RoleAccess.ADMIN_TWO_STEP_PAGE)
  String administrator(Model model) {
    model.addAttribute("role", "admin");
    model.addAttribute("home", "/admin");
    return "admin/two-step";
  }

  @GetMapping(RoleAccess.OPERATOR_TWO_STEP_PAGE)
  String operator(Model model) {
    model.addAttribute("role", "operator");
    model.addAttribute("home", "/operator");
    return "admin/two-step";
  }
}
