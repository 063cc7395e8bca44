package org.propusk.identifiers;

/**
 * One typed part of a postal address: a district, a city or settlement, a street (with its type,
 * "ул. Ленина"), or a house, building or flat number.
 *
 * <p>Places allow letters, digits, spaces and the punctuation of Russian addresses ({@code . , - –
 * — ( ) № / ' " « »}); numbers allow letters, digits, spaces, {@code -} and {@code /} ("12/3",
 * "5А", "стр. 2" is written "2"). Each has at least one letter or digit. Whitespace runs become one
 * space; hidden characters (controls, bidirectional marks, zero-width) and anything else ({@code
 * < > ; { }}) are refused.
 *
 * @param value the normalised text
 */
public record AddressPart(String value) {

  /** What a part is, with its longest length. */
  public enum Kind {
    /** District, city or settlement, street. */
    PLACE(100),
    /** House or building number. */
    NUMBER(20),
    /** Flat (or office) number. */
    FLAT(10);

    private final int maxLength;

    Kind(int maxLength) {
      this.maxLength = maxLength;
    }

    public int maxLength() {
      return maxLength;
    }
  }

  private static final String PLACE_PUNCTUATION = ".,-–—()№/'\"«» ";
  private static final String NUMBER_PUNCTUATION = "-/ ";

  public AddressPart {
    if (value == null || Text.isBlank(value) || !Text.strip(value).equals(value)) {
      throw new IllegalArgumentException("an address part must be given in normalised form");
    }
  }

  /**
   * Parses a part of the given kind. Violations: {@code required}, {@code too_long}, {@code
   * address_characters}, {@code no_letter_or_digit}. Never throws.
   */
  public static Parsed<AddressPart> parse(String raw, Kind kind) {
    return switch (FreeText.parse(raw, kind.maxLength())) {
      case Parsed.Invalid<FreeText>(String code) ->
          new Parsed.Invalid<>(code.equals("invalid_characters") ? "address_characters" : code);
      case Parsed.Valid<FreeText>(FreeText text) -> check(text.value(), kind);
    };
  }

  private static Parsed<AddressPart> check(String text, Kind kind) {
    String punctuation = kind == Kind.PLACE ? PLACE_PUNCTUATION : NUMBER_PUNCTUATION;
    boolean letterOrDigit = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (isLetter(c) || (c >= '0' && c <= '9')) {
        letterOrDigit = true;
      } else if (c > 0xFFFF || punctuation.indexOf(c) < 0) {
        return new Parsed.Invalid<>("address_characters");
      }
    }
    return letterOrDigit ? new Parsed.Valid<>(new AddressPart(text)) : new Parsed.Invalid<>("no_letter_or_digit");
  }

  /** Russian and Latin letters only: an address is written for a Russian post office. */
  private static boolean isLetter(int c) {
    return (c >= 'А' && c <= 'я') || c == 'Ё' || c == 'ё' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
