package org.propusk.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Иванов",
        "Салтыков-Щедрин",
        "Ёлкина",
        "Мария Анна",
        "О'Коннор",
        "Ivanov",
        "D'Artagnan",
        "Jr.",
        "Людовик 14",
        "Abdul-Rahman ibn Said"
      })
  void acceptsNamesThePortalAccepts(String name) {
    assertThat(PersonName.parse(name).value().value()).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'  Иван  '|Иван",
        "'Анна   Мария'|Анна Мария",
        "'\tАнна\u00A0\u00A0Мария\n'|Анна Мария",
      })
  void trimsAndCollapsesWhitespace(String raw, String expected) {
    assertThat(PersonName.parse(raw).value().value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Иван\u200b", "\u202eвонавИ", "Ив\u2066ан", "Ив\u00adан", "\ufeffИван"})
  void refusesHiddenCharacters(String raw) {
    assertThat(PersonName.parse(raw).violation()).as(raw).contains("invalid_characters");
  }

  @Test
  void replacesTheTypographicApostropheWithAPlainOne() {
    assertThat(PersonName.parse("О’Коннор").value().value()).isEqualTo("О'Коннор");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t\n\u00A0", "\u3000"})
  void reportsMissingNameAsRequired(String raw) {
    assertThat(PersonName.parse(raw).violation()).contains("required");
  }

  @Test
  void acceptsSixtyCharactersAndRejectsSixtyOne() {
    assertThat(PersonName.parse("Я".repeat(60)).isValid()).isTrue();
    assertThat(PersonName.parse("Я".repeat(61)).violation()).contains("too_long");
    assertThat(PersonName.parse("  " + "Я".repeat(60) + "  ").isValid()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Іван",
        "Müller",
        "Иван!",
        "Иван_",
        "Иван\u0301",
        "José",
        "李",
        "Иван😀",
        "Ivan`s",
        "Ivan‐Petrov"
      })
  void rejectsCharactersOutsideTheRussianAndLatinAlphabets(String raw) {
    assertThat(PersonName.parse(raw).violation()).contains("invalid_characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-", "...", "'", "12", "- 1 ."})
  void rejectsNamesWithoutALetter(String raw) {
    assertThat(PersonName.parse(raw).violation()).contains("no_letter");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ивaнов", "Ivanоv", "Анна-Maria", "Петров Jr."})
  void rejectsNameMixingCyrillicAndLatinLetters(String raw) {
    assertThat(PersonName.parse(raw).violation()).contains("mixed_alphabets");
  }

  @Test
  void constructorRejectsInvalidOrUnnormalisedNames() {
    assertThatThrownBy(() -> new PersonName(" Иван")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PersonName("Ивaн")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PersonName(null)).isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<String> generatedValidNames() {
    return Stream.concat(
        Generators.sample("russian-names", 250, Generators::russianName),
        Generators.sample("latin-names", 250, Generators::latinName));
  }

  @ParameterizedTest
  @MethodSource("generatedValidNames")
  void acceptsEveryGeneratedValidNameAndSurvivesPadding(String name) {
    var random = Generators.random("name-padding" + name);
    String padded =
        Generators.padding(random) + name.replace(" ", " \t ") + Generators.padding(random);

    assertThat(PersonName.parse(name).value().value()).isEqualTo(name);
    assertThat(PersonName.parse(padded).value().value()).isEqualTo(name);
  }

  static Stream<String> generatedMixedNames() {
    return Generators.sample("mixed-names", 500, Generators::mixedName);
  }

  @ParameterizedTest
  @MethodSource("generatedMixedNames")
  void rejectsEveryGeneratedNameMixingCyrillicAndLatinLetters(String name) {
    assertThat(PersonName.parse(name).violation()).contains("mixed_alphabets");
  }
}
