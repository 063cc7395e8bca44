package org.propusk.identifiers;

/**
 * The series and number of a Russian internal passport. They are separate fields on the form and in
 * the registries, so they are parsed together but kept apart.
 *
 * @param series the four digits of the series, for example {@code 4506}
 * @param number the six digits of the number, for example {@code 123456}
 */
public record PassportNumber(String series, String number) {

  /** Rejects anything other than a four-digit series and a six-digit number. */
  public PassportNumber {
    if (series == null || number == null) {
      throw new IllegalArgumentException("passport series and number are required");
    }
    if (!Text.isAsciiDigits(series, 4)) {
      throw new IllegalArgumentException("invalid passport series");
    }
    if (!Text.isAsciiDigits(number, 6)) {
      throw new IllegalArgumentException("invalid passport number");
    }
  }

  /**
   * Parses the two form fields; whitespace inside them is dropped because the series is printed as
   * two pairs ("45 06") and people copy it that way. Returns {@code required} if either field is
   * blank. Never throws.
   */
  public static Parsed<PassportNumber> parse(String series, String number) {
    if (Text.isBlank(series) || Text.isBlank(number)) {
      return new Parsed.Invalid<>("required");
    }
    String seriesDigits = Text.withoutSeparators(series, "");
    String numberDigits = Text.withoutSeparators(number, "");
    if (!Text.isAsciiDigits(seriesDigits, 4)) {
      return new Parsed.Invalid<>("invalid_series");
    }
    if (!Text.isAsciiDigits(numberDigits, 6)) {
      return new Parsed.Invalid<>("invalid_number");
    }
    return new Parsed.Valid<>(new PassportNumber(seriesDigits, numberDigits));
  }

  /** As printed in the passport, for example {@code 45 06 123456}. */
  public String formatted() {
    return series.substring(0, 2) + ' ' + series.substring(2) + ' ' + number;
  }

  /**
   * With all but the region pair and the last three digits hidden, for example {@code 45 **
   * ***456}, so that a person can recognise their document without the page revealing it.
   */
  public String masked() {
    return series.substring(0, 2) + " ** ***" + number.substring(3);
  }
}
