package org.propusk.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTextTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "г. Москва|г. Москва",
        "'  ГУ МВД России\u00a0\u00a0по г. Москве\t'|ГУ МВД России по г. Москве",
        "'\u3000Tōkyō, 東京\u3000'|Tōkyō, 東京",
        "'Ségou, Mali 🇲🇱'|Ségou, Mali 🇲🇱"
      })
  void keepsWhatIsTypedWithWhitespaceCollapsed(String raw, String expected) {
    assertThat(FreeText.parse(raw, 200).value().value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\u3000", "\u00a0\u2007\u202f", "\t\n"})
  void reportsTextBlankAfterUnicodeWhitespaceAsRequired(String raw) {
    assertThat(FreeText.parse(raw, 200).violation()).contains("required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Москва\u0000", "Мос\u0007ква", "Москва\u007f", "Москва\u0085",
        "\u202eавксоМ", "Мос\u202aква", "Мос\u202bква", "Мос\u202cква", "Мос\u202dква",
        "Мос\u2066ква", "Мос\u2067ква", "Мос\u2068ква", "Мос\u2069ква",
        "Мос\u200eква", "Мос\u200fква", "Мос\u061cква",
        "Мос\u200bква", "Мос\u200cква", "Мос\u200dква", "Мос\u2060ква", "\ufeffМосква", "\u200b",
        "Мос\u00adква", "Мос\u034fква", "Мос\u180eква", "Мос\u2061ква"
      })
  void refusesControlsBidiControlsAndZeroWidthCharacters(String raw) {
    assertThat(FreeText.parse(raw, 200).violation()).as(raw).contains("invalid_characters");
  }

  @Test
  void countsTheLengthAfterNormalisation() {
    assertThat(FreeText.parse(" " + "я".repeat(60) + " ", 60).isValid()).isTrue();
    assertThat(FreeText.parse("я".repeat(61), 60).violation()).contains("too_long");
  }

  @Test
  void anInstanceIsAlwaysNormalisedAndClean() {
    assertThatThrownBy(() -> new FreeText(" Москва")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FreeText("Мос\u202eква")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new FreeText("Москва").value()).isEqualTo("Москва");
  }
}
