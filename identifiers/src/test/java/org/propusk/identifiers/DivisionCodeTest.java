package org.propusk.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DivisionCodeTest {

  @ParameterizedTest
  @ValueSource(strings = {"770-001", "770001", "770 001", " 770-001 ", "770 - 001"})
  void normalisesAcceptedFormsToTheHyphenatedOne(String raw) {
    assertThat(DivisionCode.parse(raw).value().value()).isEqualTo("770-001");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  void reportsMissingCodeAsRequired(String raw) {
    assertThat(DivisionCode.parse(raw).violation()).contains("required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "77-0001",
        "7700-01",
        "77000",
        "7700011",
        "770--001",
        "770_001",
        "77O-001",
        "-770001",
        "770001-"
      })
  void rejectsAnythingButSixDigitsWithAnOptionalMiddleHyphen(String raw) {
    assertThat(DivisionCode.parse(raw).violation()).contains("invalid_format");
  }

  @Test
  void constructorAcceptsOnlyTheHyphenatedForm() {
    assertThat(new DivisionCode("770-001").value()).isEqualTo("770-001");
    assertThatThrownBy(() -> new DivisionCode("770001"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DivisionCode(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
