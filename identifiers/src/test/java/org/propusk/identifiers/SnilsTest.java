package org.propusk.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnilsTest {

  @Test
  void acceptsKnownValidSnilsWithSeparators() {
    Parsed<Snils> parsed = Snils.parse("112-233-445 95");

    assertThat(parsed.value().digits()).isEqualTo("11223344595");
    assertThat(parsed.value().formatted()).isEqualTo("112-233-445 95");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11223344595",
        " 112-233-445 95 ",
        "112 233 445 95",
        "112-233-445-95",
        "112\u00A0233\u00A0445\u00A095"
      })
  void acceptsSnilsWrittenWithOrWithoutSeparators(String raw) {
    assertThat(Snils.parse(raw).value()).isEqualTo(new Snils("11223344595"));
  }

  @Test
  void rejectsKnownSnilsWithWrongControlNumber() {
    assertThat(Snils.parse("112-233-445 96").violation()).contains("invalid_checksum");
  }

  @Test
  void mapsControlSumsOf100And101ToZero() {
    assertThat(Snils.parse(findPrefixWithSum(100) + "00").isValid()).isTrue();
    assertThat(Snils.parse(findPrefixWithSum(101) + "00").isValid()).isTrue();
    assertThat(Snils.parse(findPrefixWithSum(100) + "01").violation()).contains("invalid_checksum");
  }

  @Test
  void mapsControlSumRemainderOf100ToZero() {
    // 403 = 3 * 101 + 100, so the remainder is 100 and the control number must be 00.
    String prefix = findPrefixWithSum(403);

    assertThat(Snils.parse(prefix + "00").isValid()).isTrue();
    assertThat(Snils.withChecksum(prefix).digits()).isEqualTo(prefix + "00");
  }

  @Test
  void reducesLargeControlSumsModulo101() {
    String prefix = findPrefixWithSum(250); // 250 mod 101 = 48

    assertThat(Snils.withChecksum(prefix).digits()).isEqualTo(prefix + "48");
  }

  @ParameterizedTest
  @ValueSource(strings = {"00100199800", "00100199899", "00000000100", "000-000-001 23"})
  void skipsTheControlNumberForNumbersUpTo001001998(String raw) {
    assertThat(Snils.parse(raw).isValid()).isTrue();
  }

  @Test
  void checksTheControlNumberFromNumber001001999On() {
    String prefix = "001001999";
    String wrong =
        Generators.withWrongLastDigit(
            Generators.random("snils-threshold"), Generators.snilsControl(prefix));

    assertThat(Snils.parse(prefix + Generators.snilsControl(prefix)).isValid()).isTrue();
    assertThat(Snils.parse(prefix + wrong).violation()).contains("invalid_checksum");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t\u00A0"})
  void reportsMissingSnilsAsRequired(String raw) {
    assertThat(Snils.parse(raw).violation()).contains("required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1122334459",
        "112233445950",
        "112-233-445 9O",
        "112_233_445_95",
        "１１２２３３４４５９５",
        "+11223344595"
      })
  void rejectsInputThatIsNotElevenDigits(String raw) {
    assertThat(Snils.parse(raw).violation()).contains("invalid_format");
  }

  @Test
  void constructorRejectsInvalidOrUnnormalisedDigits() {
    assertThatThrownBy(() -> new Snils("112-233-445 95"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Snils("11223344596")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Snils(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withChecksumRejectsAnythingButNineDigits() {
    assertThatThrownBy(() -> Snils.withChecksum("12345678"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Snils.withChecksum(null)).isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<String> generatedValidSnils() {
    return Generators.sample("valid-snils", 500, Generators::validSnils);
  }

  @ParameterizedTest
  @MethodSource("generatedValidSnils")
  void acceptsEveryGeneratedValidSnils(String digits) {
    Snils snils = Snils.parse(digits).value();

    assertThat(snils.digits()).isEqualTo(digits);
    assertThat(Snils.parse(snils.formatted()).value()).isEqualTo(snils);
    assertThat(Snils.withChecksum(digits.substring(0, 9))).isEqualTo(snils);
  }

  @ParameterizedTest
  @MethodSource("generatedValidSnils")
  void rejectsEverySingleDigitChangeThatBreaksTheControlNumber(String digits) {
    for (int position = 0; position < 11; position++) {
      for (char replacement = '0'; replacement <= '9'; replacement++) {
        if (replacement == digits.charAt(position)) {
          continue;
        }
        String changed =
            digits.substring(0, position) + replacement + digits.substring(position + 1);
        String prefix = changed.substring(0, 9);
        boolean stillConsistent =
            Integer.parseInt(prefix) <= 1_001_998
                || Generators.snilsControl(prefix).equals(changed.substring(9));

        assertThat(Snils.parse(changed).isValid()).as(changed).isEqualTo(stillConsistent);
      }
    }
  }

  /** Some nine-digit prefix whose weighted sum is exactly {@code target}, found greedily. */
  private static String findPrefixWithSum(int target) {
    int[] digits = new int[9];
    int remaining = target;
    for (int i = 0; i < 9; i++) {
      int weight = 9 - i;
      digits[i] = Math.min(9, remaining / weight);
      remaining -= digits[i] * weight;
    }
    if (remaining != 0) {
      throw new IllegalArgumentException("no prefix with sum " + target);
    }
    StringBuilder out = new StringBuilder();
    for (int d : digits) {
      out.append(d);
    }
    return out.toString();
  }
}
