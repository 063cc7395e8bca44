package org.propusk.account;

import java.util.List;
import org.propusk.shared.Messages;
import org.propusk.shared.Violation;

/** The strength indicator's answer: a 0..4 score and what is wrong, in the citizen's language. */
public record PasswordStrength(int score, boolean acceptable, List<Issue> problems) {

  public record Issue(String code, String message) {}

  public static PasswordStrength of(PasswordAssessment assessment, Messages messages) {
    return new PasswordStrength(
        assessment.score(),
        assessment.acceptable(),
        assessment.violations().stream()
            .map(code -> new Issue(code, messages.violation(new Violation("password", code))))
            .toList());
  }
}
