package org.propusk.identifiers;

/**
 * A primary state registration number of a sole proprietor (OGRNIP): 15 digits, the last being a
 * check digit. It differs from {@link Ogrn} in length and modulus, and a person may hold one, so it
 * is a type of its own rather than a flag on {@link Ogrn}.
 *
 * @param digits the 15 digits
 */
public record Ogrnip(String digits) {

  private static final int LENGTH = 15;
  private static final int MODULUS = 13;

  /** Rejects anything that is not 15 digits with a valid check digit. */
  public Ogrnip {
    String violation =
        digits == null ? "required" : RegistrationNumbers.violation(digits, LENGTH, MODULUS);
    if (violation != null) {
      throw new IllegalArgumentException("invalid OGRNIP: " + violation);
    }
  }

  /** Parses user input, ignoring surrounding whitespace; never throws. */
  public static Parsed<Ogrnip> parse(String raw) {
    if (Text.isBlank(raw)) {
      return new Parsed.Invalid<>("required");
    }
    String digits = Text.strip(raw);
    String violation = RegistrationNumbers.violation(digits, LENGTH, MODULUS);
    return violation == null
        ? new Parsed.Valid<>(new Ogrnip(digits))
        : new Parsed.Invalid<>(violation);
  }
}
