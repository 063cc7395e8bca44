package org.propusk.shared;

import java.util.List;
import org.propusk.identifiers.Parsed;

/**
 * One rule a field broke: the field's name as the API and the form call it, and a code whose
 * message is {@code violation.<field>.<code>} or, failing that, {@code violation.<code>}.
 */
public record Violation(String field, String code) {

  /** The parsed value, or null with its violation added for the field. */
  public static <T> T collect(Parsed<T> parsed, String field, List<Violation> violations) {
    return switch (parsed) {
      case Parsed.Valid<T> valid -> valid.value();
      case Parsed.Invalid<T> invalid -> {
        violations.add(new Violation(field, invalid.code()));
        yield null;
      }
    };
  }
}
