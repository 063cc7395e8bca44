package org.propusk.operator.internal;

import static org.propusk.operator.internal.ProofPages.operator;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.propusk.shared.Problem;
import org.propusk.shared.ProblemPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The new contact of a Confirmed citizen who lost every contact, from the citizen's card: the
 * phone or e-mail proven by the code the citizen reads out, then the passport compared. Guarded
 * with the rest of {@code /operator}.
 */
@Controller
class ContactReplacementController {

  static final String VIEW = "operator/contact";

  private final OperatorConsole console;
  private final ContactProofs proofs;
  private final ContactReplacement replacement;
  private final ProblemPages problems;

  ContactReplacementController(
      OperatorConsole console, ContactProofs proofs, ContactReplacement replacement, ProblemPages problems) {
    this.console = console;
    this.proofs = proofs;
    this.replacement = replacement;
    this.problems = problems;
  }

  @GetMapping("/operator/citizens/{accountId}/contact")
  String page(@PathVariable UUID accountId, Model model, HttpServletResponse response) {
    return show(accountId, model, response);
  }

  @PostMapping("/operator/citizens/{accountId}/contact")
  String start(
      @PathVariable UUID accountId,
      @RequestParam(required = false) String contact,
      Model model,
      HttpServletResponse response) {
    try {
      UUID proofId = proofs.start(operator(), contact);
      return "redirect:/operator/citizens/" + accountId + "/contact/" + proofId;
    } catch (Problem problem) {
      problems.show(problem, model, response, VIEW);
      model.addAttribute("contact", contact);
      return show(accountId, model, response);
    }
  }

  @GetMapping("/operator/citizens/{accountId}/contact/{proofId}")
  String step(@PathVariable UUID accountId, @PathVariable UUID proofId, Model model, HttpServletResponse response) {
    try {
      ProofPages.put(proofs.show(operator(), proofId), model);
    } catch (Problem problem) {
      problems.show(problem, model, response, VIEW);
    }
    return show(accountId, model, response);
  }

  @PostMapping("/operator/citizens/{accountId}/contact/{proofId}/code")
  String prove(
      @PathVariable UUID accountId,
      @PathVariable UUID proofId,
      @RequestParam(required = false) String code,
      Model model,
      HttpServletResponse response) {
    try {
      proofs.prove(operator(), proofId, code);
    } catch (Problem problem) {
      problems.show(problem, model, response, VIEW);
      ProofPages.putIfOpen(proofs, proofId, model);
      return show(accountId, model, response);
    }
    return "redirect:/operator/citizens/" + accountId + "/contact/" + proofId;
  }

  @PostMapping("/operator/citizens/{accountId}/contact/{proofId}")
  String replace(
      @PathVariable UUID accountId,
      @PathVariable UUID proofId,
      @RequestParam(defaultValue = "false") boolean passportMatches,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      replacement.replace(operator(), accountId, proofId, passportMatches);
    } catch (Problem problem) {
      problems.show(problem, model, response, VIEW);
      ProofPages.putIfOpen(proofs, proofId, model);
      return show(accountId, model, response);
    }
    redirect.addFlashAttribute("done", "contactReplaced");
    return "redirect:/operator";
  }

  private String show(UUID accountId, Model model, HttpServletResponse response) {
    try {
      console.centreOf(operator());
      model.addAttribute("card", console.card(accountId).orElseThrow(OperatorConsole.UnknownCitizen::new));
    } catch (Problem problem) {
      problems.show(problem, model, response, VIEW);
    }
    return VIEW;
  }

}
