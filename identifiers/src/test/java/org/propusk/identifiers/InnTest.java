package org.propusk.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class InnTest {

  @Test
  void acceptsSberbanksOrganisationInn() {
    Inn inn = Inn.parse("7707083893").value();

    assertThat(inn.digits()).isEqualTo("7707083893");
    assertThat(inn.isPersonal()).isFalse();
  }

  @Test
  void acceptsAPersonalInnWithBothControlDigits() {
    String personal = "500100732259";

    assertThat(Inn.parse(personal).value().isPersonal()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"7707083894", "500100732250", "500100732269"})
  void rejectsInnWithWrongControlDigit(String raw) {
    assertThat(Inn.parse(raw).violation()).contains("invalid_checksum");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  void reportsMissingInnAsRequired(String raw) {
    assertThat(Inn.parse(raw).violation()).contains("required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "770708389",
        "77070838931",
        "7707 083893",
        "77070838９3",
        "770708389a",
        "5001007322590"
      })
  void rejectsInputThatIsNotTenOrTwelveDigits(String raw) {
    assertThat(Inn.parse(raw).violation()).contains("invalid_format");
  }

  @Test
  void ignoresSurroundingWhitespace() {
    assertThat(Inn.parse(" 7707083893\t").value()).isEqualTo(new Inn("7707083893"));
  }

  @Test
  void constructorRejectsInvalidInn() {
    assertThatThrownBy(() -> new Inn("7707083894")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Inn(" 7707083893")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Inn(null)).isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<String> generatedValidInns() {
    return Stream.concat(
        Generators.sample("organisation-inns", 250, Generators::validOrganisationInn),
        Generators.sample("personal-inns", 250, Generators::validPersonalInn));
  }

  @ParameterizedTest
  @MethodSource("generatedValidInns")
  void acceptsEveryGeneratedInnAndRejectsItWithAnAlteredCheckDigit(String digits) {
    var random = Generators.random("inn-alteration" + digits);

    Inn inn = Inn.parse(digits).value();
    assertThat(inn.isPersonal()).isEqualTo(digits.length() == 12);
    assertThat(Inn.parse(Generators.withWrongLastDigit(random, digits)).violation())
        .contains("invalid_checksum");
    if (digits.length() == 12) {
      String wrongFirstCheck =
          digits.substring(0, 10)
              + Generators.withWrongLastDigit(random, digits.substring(10, 11))
              + digits.charAt(11);
      assertThat(Inn.parse(wrongFirstCheck).violation()).contains("invalid_checksum");
    }
  }
}
