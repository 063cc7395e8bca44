package org.propusk.account;

import java.util.List;

/**
 * What {@link PasswordPolicy} says about a password.
 *
 * @param score the strength for the meter, 0 (weakest) to 4: zxcvbn's score, at most 2 when a
 *     rule is broken, so that the meter never shows a refused password as strong
 * @param violations the codes of the rules broken, in the order {@code too_short} or {@code
 *     too_long}, {@code common}, {@code personal_data}, {@code too_weak}; empty when acceptable
 * @param acceptable whether the password may be set, i.e. no rule is broken
 */
public record PasswordAssessment(int score, List<String> violations, boolean acceptable) {

  /** Fewer than 8 code points. */
  public static final String TOO_SHORT = "too_short";

  /** More than 128 code points. */
  public static final String TOO_LONG = "too_long";

  /** On the bundled list of common and breached passwords. */
  public static final String COMMON = "common";

  /** Contains the person's surname, given name, phone number or e-mail name. */
  public static final String PERSONAL_DATA = "personal_data";

  /** Guessable by zxcvbn's estimate (score below 3). */
  public static final String TOO_WEAK = "too_weak";

  public PasswordAssessment {
    if (score < 0 || score > 4) {
      throw new IllegalArgumentException("score must be 0..4: " + score);
    }
    violations = List.copyOf(violations);
    if (acceptable != violations.isEmpty()) {
      throw new IllegalArgumentException("acceptable must be true exactly when no rule is broken");
    }
    if (!acceptable && score >= PasswordPolicy.MIN_SCORE) {
      throw new IllegalArgumentException("a refused password cannot score " + score);
    }
  }

  /**
   * An assessment with the given strength estimate and violations, acceptable when there are none;
   * when there are, the score shown is below the acceptable ones whatever the estimate.
   */
  public static PasswordAssessment of(int estimate, List<String> violations) {
    int score = violations.isEmpty() ? estimate : Math.min(estimate, PasswordPolicy.MIN_SCORE - 1);
    return new PasswordAssessment(score, violations, violations.isEmpty());
  }

  /** The code of the first rule broken, or {@code null} when the password is acceptable. */
  public String firstViolation() {
    return violations.isEmpty() ? null : violations.get(0);
  }
}
