package org.propusk.shared;

import java.util.List;

/** Input that breaks field rules; answered 422 with every violation next to its field. */
public class InvalidInput extends Problem {

  private final List<Violation> violations;

  public InvalidInput(List<Violation> violations) {
    super(422, "invalid-input");
    this.violations = List.copyOf(violations);
  }

  public InvalidInput(String field, String code) {
    this(List.of(new Violation(field, code)));
  }

  public List<Violation> violations() {
    return violations;
  }
}
