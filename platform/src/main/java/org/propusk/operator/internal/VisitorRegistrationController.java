package org.propusk.operator.internal;

import static org.propusk.operator.internal.ProofPages.operator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.propusk.shared.Problem;
import org.propusk.shared.ProblemPages;
import org.propusk.verification.ProfileForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registration on the spot at the console: the visitor's phone or e-mail proven by the code they
 * read out, then their data from the documents in hand. Guarded with the rest of {@code /operator}.
 */
@Controller
class VisitorRegistrationController {

  static final String VIEW = "operator/visitor";

  private final ContactProofs proofs;
  private final VisitorRegistration registration;
  private final ProblemPages problems;

  VisitorRegistrationController(ContactProofs proofs, VisitorRegistration registration, ProblemPages problems) {
    this.proofs = proofs;
    this.registration = registration;
    this.problems = problems;
  }

  @GetMapping("/operator/visitors/new")
  String start() {
    return VIEW;
  }

  @PostMapping("/operator/visitors/new")
  String sendCode(@RequestParam(required = false) String contact, Model model, HttpServletResponse response) {
    try {
      return "redirect:/operator/visitors/" + proofs.start(operator(), contact);
    } catch (Problem problem) {
      model.addAttribute("contact", contact);
      problems.show(problem, model, response, VIEW);
      return VIEW;
    }
  }

  @GetMapping("/operator/visitors/{proofId}")
  String step(@PathVariable UUID proofId, Model model, HttpServletResponse response) {
    try {
      ProofPages.put(proofs.show(operator(), proofId), model);
      model.addAttribute("form", blank());
    } catch (Problem problem) {
      problems.show(problem, model, response, VIEW);
    }
    return VIEW;
  }

  @PostMapping("/operator/visitors/{proofId}/code")
  String prove(
      @PathVariable UUID proofId, @RequestParam(required = false) String code, Model model, HttpServletResponse response) {
    try {
      proofs.prove(operator(), proofId, code);
    } catch (Problem problem) {
      problems.show(problem, model, response, VIEW);
      showProof(proofId, model);
      return VIEW;
    }
    return "redirect:/operator/visitors/" + proofId;
  }

  @PostMapping("/operator/visitors/{proofId}")
  String register(
      @PathVariable UUID proofId,
      @ModelAttribute ProfileForm form,
      @RequestParam(defaultValue = "false") boolean consented,
      HttpServletRequest request,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      registration.register(operator(), proofId, form, consented, request.getRemoteAddr());
    } catch (Problem problem) {
      problems.show(problem, model, response, VIEW);
      showProof(proofId, model);
      model.addAttribute("form", form);
      return VIEW;
    }
    redirect.addFlashAttribute("done", "registered");
    return "redirect:/operator";
  }

  /** The proof again next to an error, with an empty form for the visitor's data, when it is still open. */
  private void showProof(UUID proofId, Model model) {
    if (ProofPages.putIfOpen(proofs, proofId, model)) {
      model.addAttribute("form", blank());
    }
  }

  private static ProfileForm blank() {
    return new ProfileForm(null, null, null, null, null, null, "RU", null, null, null, null, null, null, null, null, null, null, null);
  }
}
