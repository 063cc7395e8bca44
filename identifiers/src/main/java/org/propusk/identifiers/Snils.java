package org.propusk.identifiers;

/**
 * An individual insurance account number (SNILS) of the Social Fund, which is how the state
 * registries identify a person and therefore the most reliable key for linking an account to them.
 *
 * <p>The last two digits are a control number over the first nine. Following the fund's own rule,
 * the control number is only checked for numbers above 001-001-998; lower numbers are accepted
 * whatever their last two digits, so that we never reject a number the fund itself accepts.
 *
 * @param digits the 11 digits without separators
 */
public record Snils(String digits) {

  /** Numbers up to and including this one (first nine digits) carry no checked control number. */
  private static final int LAST_UNCHECKED_NUMBER = 1_001_998;

  /** Rejects anything that is not 11 digits with a valid control number. */
  public Snils {
    String violation = digits == null ? "required" : violation(digits);
    if (violation != null) {
      throw new IllegalArgumentException("invalid SNILS: " + violation);
    }
  }

  /**
   * Parses user input with or without separators, for example {@code 112-233-445 95} or {@code
   * 11223344595}; spaces and hyphens are accepted anywhere because people copy the number from
   * documents that group it differently. Never throws.
   */
  public static Parsed<Snils> parse(String raw) {
    if (Text.isBlank(raw)) {
      return new Parsed.Invalid<>("required");
    }
    String digits = Text.withoutSeparators(raw, "-");
    String violation = violation(digits);
    return violation == null
        ? new Parsed.Valid<>(new Snils(digits))
        : new Parsed.Invalid<>(violation);
  }

  /**
   * Builds a SNILS from its first nine digits by appending the control number; for test data and
   * generators, never for user input.
   *
   * @throws IllegalArgumentException if {@code nineDigits} is not exactly nine ASCII digits
   */
  public static Snils withChecksum(String nineDigits) {
    if (nineDigits == null || !Text.isAsciiDigits(nineDigits, 9)) {
      throw new IllegalArgumentException("expected nine digits");
    }
    return new Snils(nineDigits + "%02d".formatted(checksum(nineDigits)));
  }

  /** The number as printed on the insurance certificate, for example {@code 112-233-445 95}. */
  public String formatted() {
    return digits.substring(0, 3)
        + '-'
        + digits.substring(3, 6)
        + '-'
        + digits.substring(6, 9)
        + ' '
        + digits.substring(9, 11);
  }

  private static String violation(String digits) {
    if (!Text.isAsciiDigits(digits, 11)) {
      return "invalid_format";
    }
    String number = digits.substring(0, 9);
    if (Integer.parseInt(number) <= LAST_UNCHECKED_NUMBER) {
      return null;
    }
    return Integer.parseInt(digits.substring(9)) == checksum(number) ? null : "invalid_checksum";
  }

  /**
   * The fund's control number: weighted sum (weights 9 down to 1), reduced modulo 101, 100 as 0.
   */
  private static int checksum(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += Text.digit(nineDigits, i) * (9 - i);
    }
    if (sum < 100) {
      return sum;
    }
    if (sum == 100 || sum == 101) {
      return 0;
    }
    int check = sum % 101;
    return check == 100 ? 0 : check;
  }
}
