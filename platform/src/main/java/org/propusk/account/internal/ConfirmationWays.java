package org.propusk.account.internal;

import java.util.List;
import java.util.UUID;
import org.propusk.account.Accounts;
import org.propusk.account.ConfirmationWaysPage;
import org.propusk.account.ConfirmationWaysSection;
import org.propusk.shared.SessionEnded;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

@Component
class ConfirmationWays implements ConfirmationWaysPage {

  static final String TEMPLATE = "account/confirmation-ways";

  private final Accounts accounts;
  private final List<ConfirmationWaysSection> sections;

  ConfirmationWays(Accounts accounts, List<ConfirmationWaysSection> sections) {
    this.accounts = accounts;
    this.sections = sections;
  }

  @Override
  public String show(UUID accountId, Model model) {
    model.addAttribute("account", accounts.find(accountId).orElseThrow(SessionEnded::new));
    sections.forEach(section -> section.addTo(accountId, model));
    return TEMPLATE;
  }
}
