package org.propusk.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParsedTest {

  @Test
  void validResultExposesItsValueAndNoViolation() {
    Parsed<String> parsed = new Parsed.Valid<>("x");

    assertThat(parsed.isValid()).isTrue();
    assertThat(parsed.value()).isEqualTo("x");
    assertThat(parsed.violation()).isEmpty();
  }

  @Test
  void invalidResultExposesItsCodeAndRefusesToGiveAValue() {
    Parsed<String> parsed = new Parsed.Invalid<>("required");

    assertThat(parsed.isValid()).isFalse();
    assertThat(parsed.violation()).contains("required");
    assertThatThrownBy(parsed::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("required");
  }

  @Test
  void rejectsNullValuesAndBlankCodes() {
    assertThatThrownBy(() -> new Parsed.Valid<>(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Parsed.Invalid<>(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
