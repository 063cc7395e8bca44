package org.propusk.identifiers;

/**
 * A surname, given name or patronymic, following the rules of the federal portal so that a name
 * accepted here is also accepted by the systems we exchange data with.
 *
 * <p>Allowed: Russian letters (including Ё/ё), Latin letters, ASCII digits, hyphen, space,
 * apostrophe and dot; at least one letter; at most 60 characters. Russian and Latin letters may not
 * be mixed in one value: apart from the portal rule, a mix is almost always a typo or a homoglyph
 * spoof ("Ивaнов" with a Latin "a"), which would break matching against registry records.
 *
 * @param value the normalised name: trimmed, inner whitespace collapsed to one space, typographic
 *     apostrophe replaced by {@code '}
 */
public record PersonName(String value) {

  /** Maximum length after normalisation, as on the portal. */
  public static final int MAX_LENGTH = 60;

  /** Rejects anything {@link #parse} would not produce, so every instance is valid. */
  public PersonName {
    if (value == null || !normalise(value).equals(value)) {
      throw new IllegalArgumentException("person name must be given in normalised form");
    }
    String violation = violation(value);
    if (violation != null) {
      throw new IllegalArgumentException("invalid person name: " + violation);
    }
  }

  /** Parses user input; never throws. */
  public static Parsed<PersonName> parse(String raw) {
    if (raw == null) {
      return new Parsed.Invalid<>("required");
    }
    String name = normalise(raw);
    String violation = violation(name);
    return violation == null
        ? new Parsed.Valid<>(new PersonName(name))
        : new Parsed.Invalid<>(violation);
  }

  private static String violation(String name) {
    if (name.isEmpty()) {
      return "required";
    }
    if (name.length() > MAX_LENGTH) {
      return "too_long";
    }
    boolean russian = false;
    boolean latin = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (isRussianLetter(c)) {
        russian = true;
      } else if (isLatinLetter(c)) {
        latin = true;
      } else if (!isAllowedNonLetter(c)) {
        return "invalid_characters";
      }
    }
    if (!russian && !latin) {
      return "no_letter";
    }
    if (russian && latin) {
      return "mixed_alphabets";
    }
    return null;
  }

  /** Trims, collapses any run of whitespace to one space and straightens the apostrophe. */
  private static String normalise(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    boolean pendingSpace = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Text.isSpace(c)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(c == '\u2019' ? '\'' : c);
    }
    return out.toString();
  }

  private static boolean isRussianLetter(char c) {
    return (c >= 'А' && c <= 'я') || c == 'Ё' || c == 'ё';
  }

  private static boolean isLatinLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isAllowedNonLetter(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == ' ' || c == '\'' || c == '.';
  }
}
