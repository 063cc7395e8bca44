package org.propusk.operator.internal;

import java.util.UUID;
import org.propusk.account.ConfirmationWaysSection;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Lists the registered service centres on the page of the ways to confirm one's identity. */
@Component
class CentresOnConfirmationWays implements ConfirmationWaysSection {

  private final CentreService centres;

  CentresOnConfirmationWays(CentreService centres) {
    this.centres = centres;
  }

  @Override
  public void addTo(UUID accountId, Model model) {
    model.addAttribute("serviceCentres", centres.centres());
  }
}
