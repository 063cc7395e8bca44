package org.propusk.identifiers;

import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Seeded random inputs for the property tests. Every stream is derived from one printed seed, so a
 * failure can be replayed with {@code -Dpropusk.seed=...}. Check digits are computed here with
 * formulas written independently of the production code, so the tests do not just mirror it.
 */
final class Generators {

  static final long SEED = Long.getLong("propusk.seed", 20261125L);

  static {
    System.out.println("[propusk] property tests use seed " + SEED + " (-Dpropusk.seed to change)");
  }

  static final String RUSSIAN_LETTERS =
      "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя";
  static final String LATIN_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /** Mobile ranges that libphonenumber 9.0.43 marks as mobile in full (930 is only partly). */
  private static final int[] MOBILE_PREFIXES =
      IntStream.rangeClosed(900, 999).filter(p -> p != 930).toArray();

  private Generators() {}

  /**
   * A random source for one named property. Deriving it from the name keeps each property's inputs
   * stable when other properties are added or reordered.
   */
  static Random random(String property) {
    return new Random(SEED * 31 + property.hashCode());
  }

  /** {@code count} values drawn from the property's own random source. */
  static <T> Stream<T> sample(String property, int count, Function<Random, T> generator) {
    Random random = random(property);
    return Stream.generate(() -> generator.apply(random)).limit(count);
  }

  static String digits(Random random, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  static char pick(Random random, String alphabet) {
    return alphabet.charAt(random.nextInt(alphabet.length()));
  }

  // --- SNILS -------------------------------------------------------------------------------

  /** Nine leading digits above 001-001-998, the range where the control number is enforced. */
  static String checkedSnilsPrefix(Random random) {
    while (true) {
      String prefix = digits(random, 9);
      if (Integer.parseInt(prefix) > 1_001_998) {
        return prefix;
      }
    }
  }

  /** Control number as (sum mod 101) mod 100: the fund's rule folded into one expression. */
  static String snilsControl(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nineDigits.charAt(i) - '0') * (9 - i);
    }
    return "%02d".formatted(sum % 101 % 100);
  }

  static String validSnils(Random random) {
    String prefix = checkedSnilsPrefix(random);
    return prefix + snilsControl(prefix);
  }

  // --- INN, OGRN, OGRNIP ---------------------------------------------------------------------

  static int weightedControl(String digits, int... weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    return sum % 11 % 10;
  }

  static String validOrganisationInn(Random random) {
    String body = digits(random, 9);
    return body + weightedControl(body, 2, 4, 10, 3, 5, 9, 4, 6, 8);
  }

  static String validPersonalInn(Random random) {
    String body = digits(random, 10);
    String first = body + weightedControl(body, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8);
    return first + weightedControl(first, 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8);
  }

  /** Remainder computed digit by digit (Horner), unlike the production code's long division. */
  static int remainder(String digits, int modulus) {
    int remainder = 0;
    for (int i = 0; i < digits.length(); i++) {
      remainder = (remainder * 10 + (digits.charAt(i) - '0')) % modulus;
    }
    return remainder;
  }

  static String validOgrn(Random random) {
    String body = (1 + random.nextInt(9)) + digits(random, 11);
    return body + remainder(body, 11) % 10;
  }

  static String validOgrnip(Random random) {
    String body = (1 + random.nextInt(9)) + digits(random, 13);
    return body + remainder(body, 13) % 10;
  }

  /** Replaces the last digit with a different one. */
  static String withWrongLastDigit(Random random, String digits) {
    int last = digits.charAt(digits.length() - 1) - '0';
    int wrong = (last + 1 + random.nextInt(9)) % 10;
    return digits.substring(0, digits.length() - 1) + wrong;
  }

  // --- Phones -------------------------------------------------------------------------------

  /** Ten national digits of a Russian mobile number, such as {@code 9123456789}. */
  static String mobileNationalNumber(Random random) {
    return MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + digits(random, 7);
  }

  // --- Names --------------------------------------------------------------------------------

  static String russianName(Random random) {
    return name(random, RUSSIAN_LETTERS, 1 + random.nextInt(PersonName.MAX_LENGTH));
  }

  static String latinName(Random random) {
    return name(random, LATIN_LETTERS, 1 + random.nextInt(PersonName.MAX_LENGTH));
  }

  /**
   * A normalised name of exactly {@code length} characters: starts with a letter, and separators
   * (hyphen, space, apostrophe, dot, digit) never stand next to a space or at the end.
   */
  static String name(Random random, String letters, int length) {
    StringBuilder out = new StringBuilder(length);
    out.append(pick(random, letters));
    while (out.length() < length) {
      boolean canSeparate = out.length() < length - 1 && Character.isLetter(last(out));
      if (canSeparate && random.nextInt(6) == 0) {
        out.append(pick(random, " -'.0123456789"));
      } else {
        out.append(pick(random, letters));
      }
    }
    return out.toString();
  }

  private static char last(StringBuilder out) {
    return out.charAt(out.length() - 1);
  }

  /** A valid-looking name with at least one Russian and one Latin letter, within the length. */
  static String mixedName(Random random) {
    boolean russianBase = random.nextBoolean();
    String base =
        name(random, russianBase ? RUSSIAN_LETTERS : LATIN_LETTERS, 1 + random.nextInt(59));
    char intruder = pick(random, russianBase ? LATIN_LETTERS : RUSSIAN_LETTERS);
    int at = random.nextInt(base.length() + 1);
    return base.substring(0, at) + intruder + base.substring(at);
  }

  /** Whitespace as people paste it: spaces, tabs, line breaks and no-break spaces. */
  static String padding(Random random) {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(4);
    for (int i = 0; i < length; i++) {
      out.append(pick(random, " \t\n\r\u00A0\u202F"));
    }
    return out.toString();
  }

  // --- Garbage ------------------------------------------------------------------------------

  private static final String INTERESTING =
      "0123456789 -+()@.'’_\t\n\u00A0\u0000\uFEFF\u200BАЯЁёaz٣０１";

  /**
   * Random strings meant to break parsers: arbitrary code points (including lone surrogates,
   * controls and supplementary characters) mixed with characters the parsers treat specially, and
   * occasionally very long.
   */
  static String garbage(Random random) {
    int length =
        switch (random.nextInt(10)) {
          case 0 -> 0;
          case 1 -> 200 + random.nextInt(2000);
          default -> random.nextInt(40);
        };
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      switch (random.nextInt(4)) {
        case 0 -> out.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
        case 1 -> out.append((char) random.nextInt(Character.MAX_VALUE + 1));
        default -> out.append(pick(random, INTERESTING));
      }
    }
    return out.toString();
  }

  /** Shows invisible and non-ASCII characters, so a failing garbage input can be read. */
  static String escape(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    s.chars()
        .forEach(
            c ->
                out.append(
                    c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : "\\u%04X".formatted(c)));
    return out.append('"').toString();
  }
}
