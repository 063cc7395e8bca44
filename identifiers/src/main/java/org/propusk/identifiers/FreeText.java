package org.propusk.identifiers;

/**
 * A free-text field (place of birth, issuing authority, document type, ...): what a person types
 * where no stricter format exists.
 *
 * <p>Refused: a value that is blank after Unicode whitespace (no-break and ideographic spaces
 * included), one longer than the field allows, and one holding controls, bidirectional overrides
 * or isolates, or zero-width characters, which would make the stored value read differently from
 * what was checked (see {@link Text#isHidden}). Whitespace runs become one space.
 *
 * @param value the normalised text: trimmed, inner whitespace collapsed to one space
 */
public record FreeText(String value) {

  /** Rejects anything {@link #parse} would not produce, so every instance is valid. */
  public FreeText {
    if (value == null
        || !(normalise(value, Integer.MAX_VALUE) instanceof Parsed.Valid<String>(String text))
        || !text.equals(value)) {
      throw new IllegalArgumentException("free text must be given in normalised form");
    }
  }

  /**
   * Parses user input of at most {@code maxLength} characters after normalisation; never throws.
   * Violations: {@code required}, {@code too_long}, {@code invalid_characters}.
   */
  public static Parsed<FreeText> parse(String raw, int maxLength) {
    return switch (normalise(raw, maxLength)) {
      case Parsed.Valid<String>(String text) -> new Parsed.Valid<>(new FreeText(text));
      case Parsed.Invalid<String>(String code) -> new Parsed.Invalid<>(code);
    };
  }

  private static Parsed<String> normalise(String raw, int maxLength) {
    if (isBlank(raw)) {
      return new Parsed.Invalid<>("required");
    }
    StringBuilder out = new StringBuilder(raw.length());
    boolean pendingSpace = false;
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isBmpCodePoint(c) && Text.isSpace((char) c)) {
        pendingSpace = !out.isEmpty();
        continue;
      }
      if (Text.isHidden(c)) {
        return new Parsed.Invalid<>("invalid_characters");
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.appendCodePoint(c);
    }
    return out.length() > maxLength
        ? new Parsed.Invalid<>("too_long")
        : new Parsed.Valid<>(out.toString());
  }

  /**
   * The input without leading and trailing Unicode whitespace (no-break and ideographic spaces
   * too), for fields parsed by a stricter format afterwards (a date, a choice); null stays null.
   */
  public static String strip(String raw) {
    return raw == null ? null : Text.strip(raw);
  }

  /** True for null, empty or Unicode-whitespace-only input: the field was left empty. */
  public static boolean isBlank(String raw) {
    return Text.isBlank(raw);
  }
}
