package org.propusk.account.internal;

import org.propusk.account.AccountLevel;
import org.propusk.account.AccountSummary;
import org.propusk.account.Accounts;
import org.propusk.account.ConfirmationWaysPage;
import org.propusk.account.Role;
import org.propusk.account.Roles;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.propusk.shared.Citizen;
import org.propusk.shared.HomeSection;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: for a signed-in citizen, the account level, the way up, and the next step; and
 * where that step leads once the account is Standard; below, the sections other modules add
 * (the services catalogue), for visitors too.
 */
@Controller
class HomeController {

  private final Accounts accounts;
  private final Roles roles;
  private final List<HomeSection> sections;
  private final ConfirmationWaysPage ways;

  HomeController(Accounts accounts, Roles roles, List<HomeSection> sections, ConfirmationWaysPage ways) {
    this.accounts = accounts;
    this.roles = roles;
    this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
    this.ways = ways;
  }

  @GetMapping("/")
  String home(Model model) {
    Optional<AccountSummary> signedIn = Citizen.current().flatMap(citizen -> accounts.find(citizen.accountId()));
    signedIn.ifPresent(
        account -> {
          model.addAttribute("account", account);
          model.addAttribute("levels", AccountLevel.values());
          model.addAttribute("administrator", roles.has(account.id(), Role.ADMINISTRATOR));
          model.addAttribute("operator", roles.has(account.id(), Role.OPERATOR));
        });
    // the level as it is now, not as the session was granted
    HomeSection.Viewer viewer =
        signedIn.map(a -> new HomeSection.Viewer(a.id(), a.level().level().apiName())).orElse(null);
    model.addAttribute(
        "sections",
        sections.stream().flatMap(s -> s.render(viewer, LocaleContextHolder.getLocale()).stream()).toList());
    return "home";
  }

  /** The way from Standard to Confirmed: the three proofs of identity, and which work yet. */
  @GetMapping("/account/confirmation-ways")
  String confirmationWays(Model model) {
    return ways.show(Citizen.current().orElseThrow().accountId(), model);
  }
}
