package org.propusk.account.internal;

import org.propusk.account.AccountLevel;
import org.propusk.account.Accounts;
import org.propusk.account.Role;
import org.propusk.account.Roles;
import org.propusk.shared.Citizen;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: for a signed-in citizen, the account level, the way up, and the next step; and
 * where that step leads once the account is Standard.
 */
@Controller
class HomeController {

  private final Accounts accounts;
  private final Roles roles;

  HomeController(Accounts accounts, Roles roles) {
    this.accounts = accounts;
    this.roles = roles;
  }

  @GetMapping("/")
  String home(Model model) {
    Citizen.current()
        .flatMap(citizen -> accounts.find(citizen.accountId()))
        .ifPresent(
            account -> {
              model.addAttribute("account", account);
              model.addAttribute("levels", AccountLevel.values());
              model.addAttribute("administrator", roles.has(account.id(), Role.ADMINISTRATOR));
            });
    return "home";
  }

  /** The way from Standard to Confirmed: the three proofs of identity, and which work yet. */
  @GetMapping("/account/confirmation-ways")
  String confirmationWays(Model model) {
    model.addAttribute("account", accounts.find(Citizen.current().orElseThrow().accountId()).orElseThrow());
    return "account/confirmation-ways";
  }
}
