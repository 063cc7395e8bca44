package org.propusk.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PassportNumberTest {

  @ParameterizedTest
  @CsvSource({"4506, 123456", "'45 06', 123456", "' 45 06 ', ' 123 456 '", "'45\u00A006', 123456"})
  void acceptsSeriesAndNumberWithOrWithoutSpaces(String series, String number) {
    PassportNumber passport = PassportNumber.parse(series, number).value();

    assertThat(passport).isEqualTo(new PassportNumber("4506", "123456"));
    assertThat(passport.formatted()).isEqualTo("45 06 123456");
    assertThat(passport.masked()).isEqualTo("45 ** ***456");
  }

  @ParameterizedTest
  @CsvSource(
      value = {"NULL, 123456", "4506, NULL", "'', 123456", "4506, '  '", "NULL, NULL"},
      nullValues = "NULL")
  void reportsAMissingFieldAsRequired(String series, String number) {
    assertThat(PassportNumber.parse(series, number).violation()).contains("required");
  }

  @ParameterizedTest
  @CsvSource({"450, 123456", "45067, 123456", "45-06, 123456", "45O6, 123456", "４５０６, 123456"})
  void rejectsSeriesThatIsNotFourDigits(String series, String number) {
    assertThat(PassportNumber.parse(series, number).violation()).contains("invalid_series");
  }

  @ParameterizedTest
  @CsvSource({"4506, 12345", "4506, 1234567", "4506, 123-456", "4506, l23456"})
  void rejectsNumberThatIsNotSixDigits(String series, String number) {
    assertThat(PassportNumber.parse(series, number).violation()).contains("invalid_number");
  }

  @Test
  void constructorRejectsUnnormalisedParts() {
    assertThatThrownBy(() -> new PassportNumber("45 06", "123456"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PassportNumber("4506", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<String> generatedPassports() {
    return Generators.sample("passports", 200, random -> Generators.digits(random, 10));
  }

  @ParameterizedTest
  @MethodSource("generatedPassports")
  void roundTripsEveryGeneratedPassportThroughItsFormattedForm(String digits) {
    PassportNumber passport =
        PassportNumber.parse(digits.substring(0, 4), digits.substring(4)).value();
    String[] printed = passport.formatted().split(" ");

    assertThat(PassportNumber.parse(printed[0] + " " + printed[1], printed[2]).value())
        .isEqualTo(passport);
    assertThat(passport.masked())
        .isEqualTo(digits.substring(0, 2) + " ** ***" + digits.substring(7));
  }
}
