package org.propusk.authentication.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where an administrator without a second factor on the account is sent from the admin pages: it
 * says that they need two-step sign-in, links "Безопасность" to turn it on, and then a fresh
 * sign-in with it. {@link AdministratorAccess} lets administrators (only) see it without the
 * second factor.
 */
@Controller
class AdministratorTwoStepPageController {

  @GetMapping(AdministratorAccess.TWO_STEP_PAGE)
  String page() {
    return "admin/two-step";
  }
}
