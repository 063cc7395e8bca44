package org.propusk.identifiers;

/** The check-digit rule shared by {@link Ogrn} and {@link Ogrnip}, which differ only in numbers. */
final class RegistrationNumbers {

  private RegistrationNumbers() {}

  /**
   * Returns null if {@code digits} has the given length and its last digit equals the number formed
   * by the other digits, modulo {@code modulus}, modulo 10; otherwise the violation code. Fourteen
   * digits fit in a {@code long}, so no big-number arithmetic is needed.
   */
  static String violation(String digits, int length, int modulus) {
    if (!Text.isAsciiDigits(digits, length)) {
      return "invalid_format";
    }
    long number = Long.parseLong(digits.substring(0, length - 1));
    int check = (int) (number % modulus % 10);
    return check == Text.digit(digits, length - 1) ? null : "invalid_checksum";
  }
}
