package org.propusk.operator.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.propusk.shared.Citizen;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Problem;
import org.propusk.shared.ProblemPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator console ({@code /operator}): the operator's centre, the search form, the citizen
 * found (only what the comparison with the passport needs) and the confirmation in person. The
 * security chain lets only operators with their second factor in (authentication module, {@code
 * RoleAccess}).
 */
@Controller
class OperatorConsoleController {

  static final String VIEW = "operator/console";

  private final OperatorConsole console;
  private final ProblemPages problems;

  OperatorConsoleController(OperatorConsole console, ProblemPages problems) {
    this.console = console;
    this.problems = problems;
  }

  @GetMapping("/operator")
  String page(Model model, HttpServletResponse response) {
    return show(new CitizenSearch("snils", null, null, null, null), model, response);
  }

  @PostMapping("/operator/search")
  String search(@ModelAttribute CitizenSearch search, Model model, HttpServletResponse response) {
    try {
      Optional<CitizenCard> card = console.search(operator(), search);
      model.addAttribute("searched", true);
      card.ifPresent(c -> model.addAttribute("card", c));
    } catch (Problem problem) {
      problems.show(problem, model, response, VIEW);
    }
    return show(search, model, response);
  }

  @PostMapping("/operator/citizens/{accountId}/confirm")
  String confirm(
      @PathVariable UUID accountId,
      @RequestParam(defaultValue = "false") boolean passportMatches,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      console.confirm(operator(), accountId, passportMatches);
    } catch (Problem problem) {
      problems.show(problem, model, response, VIEW);
      // the same citizen again, with the reason next to the box or above it
      console.card(accountId).ifPresent(c -> model.addAttribute("card", c));
      model.addAttribute("searched", true);
      return show(new CitizenSearch("snils", null, null, null, null), model, response);
    }
    redirect.addFlashAttribute("done", "confirmed");
    return "redirect:/operator";
  }

  private String show(CitizenSearch search, Model model, HttpServletResponse response) {
    model.addAttribute("search", search);
    try {
      model.addAttribute("centre", console.centreOf(operator()));
    } catch (OperatorConsole.NoCentre noCentre) {
      problems.show(noCentre, model, response, VIEW);
    }
    return VIEW;
  }

  private static UUID operator() {
    return Citizen.current().orElseThrow().accountId();
  }
}
