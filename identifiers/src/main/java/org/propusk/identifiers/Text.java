package org.propusk.identifiers;

/** Small string helpers shared by the parsers; package-private because they are not API. */
final class Text {

  private Text() {}

  /** True for null, empty or whitespace-only input, including no-break spaces pasted from PDFs. */
  static boolean isBlank(String raw) {
    return raw == null || strip(raw).isEmpty();
  }

  /** Strips leading and trailing whitespace, treating no-break spaces as whitespace too. */
  static String strip(String raw) {
    int start = 0;
    int end = raw.length();
    while (start < end && isSpace(raw.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(raw.charAt(end - 1))) {
      end--;
    }
    return raw.substring(start, end);
  }

  /**
   * Whitespace as users produce it: {@link Character#isWhitespace} misses the no-break spaces
   * (U+00A0, U+2007, U+202F) that office software inserts, so they are included here.
   */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /**
   * Characters no typed value may hold, because they hide or disguise what is shown: controls
   * (other than whitespace, which is collapsed), bidirectional marks, embeddings, overrides and
   * isolates (which reorder what a reader sees, "Trojan Source"), and zero-width characters (which
   * make two equal-looking values differ). Every format character (Unicode category Cf: soft
   * hyphen, invisible operators, the marks above) counts, and the combining grapheme joiner, which
   * is invisible too although Unicode files it as a mark.
   */
  static boolean isHidden(int c) {
    return (Character.isISOControl(c) && !isSpace((char) c))
        || Character.getType(c) == Character.FORMAT
        || c == 0x034F;
  }

  /**
   * True if {@code s} consists of exactly {@code length} ASCII digits (no other Unicode digits).
   */
  static boolean isAsciiDigits(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Removes whitespace and every character of {@code separators} from {@code s}. */
  static String withoutSeparators(String s, String separators) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isSpace(c) && separators.indexOf(c) < 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  static int digit(String digits, int index) {
    return digits.charAt(index) - '0';
  }
}
