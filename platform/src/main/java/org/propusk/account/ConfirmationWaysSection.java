package org.propusk.account;

import java.util.UUID;
import org.springframework.ui.Model;

/**
 * A way to confirm one's identity that another module offers (the post code, the service
 * centres), shown on the ways page that this module renders ({@code /account/confirmation-ways}),
 * so that this module does not depend on the modules that fill the page.
 */
public interface ConfirmationWaysSection {

  /** Adds what the page shows of this way to this signed-in citizen to the page's model. */
  void addTo(UUID accountId, Model model);
}
