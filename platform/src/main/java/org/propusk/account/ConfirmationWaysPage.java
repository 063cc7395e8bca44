package org.propusk.account;

import java.util.UUID;
import org.springframework.ui.Model;

/**
 * The page of the ways to confirm one's identity, whole: for the handler of a way's form, which
 * shows the page again with its refusal next to the form.
 */
public interface ConfirmationWaysPage {

  /** Fills the page's model for this citizen with the account and every way's section; returns the template. */
  String show(UUID accountId, Model model);
}
