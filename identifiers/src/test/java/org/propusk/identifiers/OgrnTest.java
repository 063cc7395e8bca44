package org.propusk.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OGRN and OGRNIP share one rule with different lengths and moduli, so they are tested together.
 */
class OgrnTest {

  @Test
  void acceptsSberbanksOgrn() {
    assertThat(Ogrn.parse("1027700132195").value().digits()).isEqualTo("1027700132195");
  }

  @Test
  void acceptsAKnownOgrnip() {
    assertThat(Ogrnip.parse("304500116000157").value().digits()).isEqualTo("304500116000157");
  }

  @Test
  void reducesTheRemainderModuloTenForTheCheckDigit() {
    // 100000000000 mod 11 = 10 and 10000000000000 mod 13 = 10, so both check digits are 0.
    assertThat(Ogrn.parse("1000000000000").isValid()).isTrue();
    assertThat(Ogrnip.parse("100000000000000").isValid()).isTrue();
    // 10000000000001 mod 13 = 11, so the check digit is 1.
    assertThat(Ogrnip.parse("100000000000011").isValid()).isTrue();
  }

  @Test
  void rejectsKnownNumbersWithWrongCheckDigit() {
    assertThat(Ogrn.parse("1027700132196").violation()).contains("invalid_checksum");
    assertThat(Ogrnip.parse("304500116000158").violation()).contains("invalid_checksum");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " \t"})
  void reportsMissingNumberAsRequired(String raw) {
    assertThat(Ogrn.parse(raw).violation()).contains("required");
    assertThat(Ogrnip.parse(raw).violation()).contains("required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "102770013219",
        "10277001321950",
        "1027700 132195",
        "102770013219Б",
        "304500116000157"
      })
  void rejectsOgrnOfTheWrongShape(String raw) {
    assertThat(Ogrn.parse(raw).violation()).contains("invalid_format");
  }

  @ParameterizedTest
  @ValueSource(strings = {"30450011600015", "3045001160001570", "1027700132195", "30450011600015x"})
  void rejectsOgrnipOfTheWrongShape(String raw) {
    assertThat(Ogrnip.parse(raw).violation()).contains("invalid_format");
  }

  @Test
  void constructorsRejectInvalidNumbers() {
    assertThatThrownBy(() -> new Ogrn("1027700132196"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Ogrnip("304500116000158"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Ogrn(null)).isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<String> generatedValidOgrns() {
    return Generators.sample("ogrns", 300, Generators::validOgrn);
  }

  @ParameterizedTest
  @MethodSource("generatedValidOgrns")
  void acceptsEveryGeneratedOgrnAndRejectsItWithAnAlteredCheckDigit(String digits) {
    assertThat(Ogrn.parse(digits).value().digits()).isEqualTo(digits);
    assertThat(
            Ogrn.parse(Generators.withWrongLastDigit(Generators.random(digits), digits))
                .violation())
        .contains("invalid_checksum");
  }

  static Stream<String> generatedValidOgrnips() {
    return Generators.sample("ogrnips", 300, Generators::validOgrnip);
  }

  @ParameterizedTest
  @MethodSource("generatedValidOgrnips")
  void acceptsEveryGeneratedOgrnipAndRejectsItWithAnAlteredCheckDigit(String digits) {
    assertThat(Ogrnip.parse(digits).value().digits()).isEqualTo(digits);
    assertThat(
            Ogrnip.parse(Generators.withWrongLastDigit(Generators.random(digits), digits))
                .violation())
        .contains("invalid_checksum");
  }
}
