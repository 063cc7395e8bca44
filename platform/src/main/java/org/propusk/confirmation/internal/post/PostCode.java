package org.propusk.confirmation.internal.post;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The code of a letter: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z,
 * 5/S, 8/B, 6/G), printed in two groups of five. What the citizen types is read leniently: case,
 * spaces and hyphens do not matter, and Cyrillic letters that look like Latin ones count as those.
 */
final class PostCode {

  static final String ALPHABET = "ACDEFHJKMNPQRTUVWXY3479";
  static final int LENGTH = 10;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String CYRILLIC = "АСЕНКМРТХУ";
  private static final String LATIN = "ACEHKMPTXY";

  private PostCode() {}

  static String draw() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** As printed: {@code ACDEF-HJKMN}. */
  static String printed(String code) {
    return code.substring(0, 5) + "-" + code.substring(5);
  }

  /** What was typed, in the form the hash is taken of; never null. */
  static String normalise(String typed) {
    if (typed == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(LENGTH);
    for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
      int cyrillic = CYRILLIC.indexOf(c);
      if (cyrillic >= 0) {
        out.append(LATIN.charAt(cyrillic));
      } else if (!Character.isWhitespace(c) && c != '-' && c != '\u00A0') {
        out.append(c);
      }
      if (out.length() > 2 * LENGTH) {
        break; // far too long: wrong anyway, and nothing long is hashed
      }
    }
    return out.toString();
  }
}
