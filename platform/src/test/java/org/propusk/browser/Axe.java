package org.propusk.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * axe-core (Deque's engine, bundled in its Selenium jar, injected by WebDriver and not by the page,
 * so the security policy is untouched) run on the page the browser shows: the violations of WCAG
 * 2.0 and 2.1 levels A and AA, one line each with the elements concerned.
 */
final class Axe {

  static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private Axe() {}

  static List<String> violations(Browser browser) {
    Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver());
    if (results.isErrored()) {
      throw new IllegalStateException("axe-core failed: " + results.getErrorMessage());
    }
    return results.getViolations().stream().map(Axe::describe).toList();
  }

  private static String describe(Rule rule) {
    return rule.getId()
        + " (" + rule.getHelp() + "): "
        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
  }
}
