package org.propusk.identifiers;

/**
 * The code of the office that issued a passport ("код подразделения"), in the form {@code NNN-NNN}.
 * It is kept as printed in the passport, with the hyphen, so it can be shown and compared without
 * reformatting.
 *
 * @param value the code in the form {@code 770-001}
 */
public record DivisionCode(String value) {

  /** Rejects anything other than the {@code NNN-NNN} form. */
  public DivisionCode {
    if (value == null
        || value.length() != 7
        || value.charAt(3) != '-'
        || !Text.isAsciiDigits(value.substring(0, 3) + value.substring(4), 6)) {
      throw new IllegalArgumentException("division code must have the form NNN-NNN");
    }
  }

  /**
   * Parses {@code 770-001}, {@code 770001} or {@code 770 001}. Whitespace is ignored; a hyphen is
   * accepted only between the two triples. Never throws.
   */
  public static Parsed<DivisionCode> parse(String raw) {
    if (Text.isBlank(raw)) {
      return new Parsed.Invalid<>("required");
    }
    String digits = Text.withoutSeparators(raw, "");
    if (digits.length() == 7 && digits.charAt(3) == '-') {
      digits = digits.substring(0, 3) + digits.substring(4);
    }
    if (!Text.isAsciiDigits(digits, 6)) {
      return new Parsed.Invalid<>("invalid_format");
    }
    return new Parsed.Valid<>(new DivisionCode(digits.substring(0, 3) + '-' + digits.substring(3)));
  }
}
