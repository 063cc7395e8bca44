package org.propusk.account.internal;

import org.propusk.account.AccountLevel;
import org.propusk.account.Accounts;
import org.propusk.shared.Citizen;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: for a signed-in citizen, the account level, the way up, and the next step. */
@Controller
class HomeController {

  private final Accounts accounts;

  HomeController(Accounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/")
  String home(Model model) {
    Citizen.current()
        .flatMap(citizen -> accounts.find(citizen.accountId()))
        .ifPresent(
            account -> {
              model.addAttribute("account", account);
              model.addAttribute("levels", AccountLevel.values());
            });
    return "home";
  }
}
