package org.propusk.identifiers;

/**
 * A primary state registration number (OGRN) of an organisation: 13 digits, the last being a check
 * digit, so that organisation details a person enters can be rejected before a registry lookup.
 *
 * @param digits the 13 digits
 */
public record Ogrn(String digits) {

  private static final int LENGTH = 13;
  private static final int MODULUS = 11;

  /** Rejects anything that is not 13 digits with a valid check digit. */
  public Ogrn {
    String violation =
        digits == null ? "required" : RegistrationNumbers.violation(digits, LENGTH, MODULUS);
    if (violation != null) {
      throw new IllegalArgumentException("invalid OGRN: " + violation);
    }
  }

  /** Parses user input, ignoring surrounding whitespace; never throws. */
  public static Parsed<Ogrn> parse(String raw) {
    if (Text.isBlank(raw)) {
      return new Parsed.Invalid<>("required");
    }
    String digits = Text.strip(raw);
    String violation = RegistrationNumbers.violation(digits, LENGTH, MODULUS);
    return violation == null
        ? new Parsed.Valid<>(new Ogrn(digits))
        : new Parsed.Invalid<>(violation);
  }
}
