package org.propusk.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Shows a problem on the page where it happened: field errors next to their fields ({@code
 * errors}), anything else as one message ({@code error}), a limit with its end ({@code retryAt});
 * the answer keeps the problem's status and its {@code Retry-After}.
 */
@Component
public class ProblemPages {

  private final Messages messages;

  ProblemPages(Messages messages) {
    this.messages = messages;
  }

  /** Puts the problem into the model and returns the view to render. */
  public String show(Problem problem, Model model, HttpServletResponse response, String view) {
    response.setStatus(problem.status());
    if (problem.retryAfter() != null) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfter().toSeconds()));
    }
    if (problem instanceof InvalidInput invalid) {
      Map<String, String> errors = new LinkedHashMap<>();
      for (Violation violation : invalid.violations()) {
        errors.putIfAbsent(violation.field(), messages.violation(violation));
      }
      model.addAttribute("errors", errors);
    } else {
      model.addAttribute("error", describe(problem));
    }
    if (problem instanceof TooManyAttempts limited) {
      model.addAttribute("retryAt", limited.until());
    }
    return view;
  }

  /** The sentence that explains a problem: its detail, or its title when it has none. */
  public String describe(Problem problem) {
    String detail = messages.detail(problem);
    return detail.isEmpty() ? messages.title(problem) : detail;
  }
}
