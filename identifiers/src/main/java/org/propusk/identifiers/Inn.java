package org.propusk.identifiers;

/**
 * A taxpayer identification number (INN): 10 digits for an organisation, 12 for a person (including
 * sole proprietors). The control digits catch most typos before we ask the tax service about a
 * number that cannot exist.
 *
 * @param digits the 10 or 12 digits
 */
public record Inn(String digits) {

  private static final int[] ORGANISATION_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};
  private static final int[] PERSONAL_FIRST_WEIGHTS = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
  private static final int[] PERSONAL_SECOND_WEIGHTS = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

  /** Rejects anything that is not 10 or 12 digits with valid control digits. */
  public Inn {
    String violation = digits == null ? "required" : violation(digits);
    if (violation != null) {
      throw new IllegalArgumentException("invalid INN: " + violation);
    }
  }

  /** Parses user input, ignoring surrounding whitespace; never throws. */
  public static Parsed<Inn> parse(String raw) {
    if (Text.isBlank(raw)) {
      return new Parsed.Invalid<>("required");
    }
    String digits = Text.strip(raw);
    String violation = violation(digits);
    return violation == null
        ? new Parsed.Valid<>(new Inn(digits))
        : new Parsed.Invalid<>(violation);
  }

  /**
   * True for the 12-digit INN of a natural person, false for the 10-digit INN of an organisation.
   */
  public boolean isPersonal() {
    return digits.length() == 12;
  }

  private static String violation(String digits) {
    if (Text.isAsciiDigits(digits, 10)) {
      return control(digits, ORGANISATION_WEIGHTS) == Text.digit(digits, 9)
          ? null
          : "invalid_checksum";
    }
    if (Text.isAsciiDigits(digits, 12)) {
      boolean valid =
          control(digits, PERSONAL_FIRST_WEIGHTS) == Text.digit(digits, 10)
              && control(digits, PERSONAL_SECOND_WEIGHTS) == Text.digit(digits, 11);
      return valid ? null : "invalid_checksum";
    }
    return "invalid_format";
  }

  /** Weighted sum over the leading digits, then modulo 11 and modulo 10, as the tax code orders. */
  private static int control(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += Text.digit(digits, i) * weights[i];
    }
    return sum % 11 % 10;
  }
}
