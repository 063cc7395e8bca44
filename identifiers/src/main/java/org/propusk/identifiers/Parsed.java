package org.propusk.identifiers;

import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of parsing raw user input: a normalised value, or a machine-readable violation code.
 *
 * <p>Parsers return this instead of throwing because bad input is an expected outcome of a form,
 * not an exceptional one; the code (for example {@code "required"} or {@code "mixed_alphabets"}) is
 * stable so that the web, API and console layers can each map it to their own message.
 */
public sealed interface Parsed<T> permits Parsed.Valid, Parsed.Invalid {

  /** The input was acceptable; {@code value} is its normalised form. */
  record Valid<T>(T value) implements Parsed<T> {
    public Valid {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The input was rejected for the reason named by {@code code}. */
  record Invalid<T>(String code) implements Parsed<T> {
    public Invalid {
      if (code == null || code.isBlank()) {
        throw new IllegalArgumentException("violation code must not be blank");
      }
    }
  }

  default boolean isValid() {
    return this instanceof Valid<T>;
  }

  /**
   * Returns the parsed value.
   *
   * @throws IllegalStateException if the input was invalid, because reaching for a value that is
   *     not there is a programming error, not a user error
   */
  default T value() {
    return switch (this) {
      case Valid<T> valid -> valid.value();
      case Invalid<T> invalid ->
          throw new IllegalStateException("input is invalid: " + invalid.code());
    };
  }

  /** Returns the violation code if the input was invalid, so callers need no pattern matching. */
  default Optional<String> violation() {
    return switch (this) {
      case Valid<T> valid -> Optional.empty();
      case Invalid<T> invalid -> Optional.of(invalid.code());
    };
  }
}
