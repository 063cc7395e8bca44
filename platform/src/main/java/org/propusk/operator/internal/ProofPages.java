package org.propusk.operator.internal;

import java.util.UUID;
import org.propusk.shared.Citizen;
import org.springframework.ui.Model;

/** A contact proof as the operator's pages show it: the same on the visitor and the contact pages. */
final class ProofPages {

  private ProofPages() {}

  /** The operator at the console: the signed-in account ({@code /operator} is guarded). */
  static UUID operator() {
    return Citizen.current().orElseThrow().accountId();
  }

  static void put(ContactProof proof, Model model) {
    model.addAttribute("proofId", proof.id());
    model.addAttribute("contact", proof.contact().value());
    model.addAttribute("proven", proof.provenAt() != null);
  }

  /**
   * The proof again next to an error, when it is still open; false when it is gone (the page then
   * offers to start again).
   */
  static boolean putIfOpen(ContactProofs proofs, UUID proofId, Model model) {
    try {
      put(proofs.show(operator(), proofId), model);
      return true;
    } catch (ContactProofs.NotFound gone) {
      return false;
    }
  }
}
