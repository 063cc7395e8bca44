package org.propusk.identifiers;

/**
 * A Russian postal index (почтовый индекс): six digits.
 *
 * @param value the six digits
 */
public record PostalIndex(String value) {

  public PostalIndex {
    if (value == null || !Text.isAsciiDigits(value, 6)) {
      throw new IllegalArgumentException("a postal index is six digits");
    }
  }

  /**
   * Parses six digits, ignoring whitespace around and inside ({@code 101 000}). Violations:
   * {@code required}, {@code invalid_postal_index}. Never throws.
   */
  public static Parsed<PostalIndex> parse(String raw) {
    if (Text.isBlank(raw)) {
      return new Parsed.Invalid<>("required");
    }
    String digits = Text.withoutSeparators(raw, "");
    return Text.isAsciiDigits(digits, 6)
        ? new Parsed.Valid<>(new PostalIndex(digits))
        : new Parsed.Invalid<>("invalid_postal_index");
  }
}
