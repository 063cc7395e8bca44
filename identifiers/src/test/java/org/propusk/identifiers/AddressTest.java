package org.propusk.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Postal index, region and address parts: examples, then properties over seeded inputs. */
class AddressTest {

  private static final int SAMPLES = 2_000;
  private static final String PLACE_ALPHABET = Generators.RUSSIAN_LETTERS + "0123456789 .,-()№/\"«»";

  // --- postal index ------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"101000", " 101000 ", "101 000", "1 0 1 0 0 0"})
  void postalIndexIgnoresSpaces(String raw) {
    assertThat(PostalIndex.parse(raw).value().value()).isEqualTo("101000");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\u00A0"})
  void missingPostalIndexIsRequired(String raw) {
    assertThat(PostalIndex.parse(raw).violation()).contains("required");
  }

  static Stream<String> randomSixDigits() {
    return Generators.sample("postal-index-valid", SAMPLES, r -> Generators.digits(r, 6));
  }

  @ParameterizedTest
  @MethodSource("randomSixDigits")
  void everySixDigitsIsAPostalIndex(String digits) {
    assertThat(PostalIndex.parse(digits).value().value()).isEqualTo(digits);
  }

  static Stream<String> randomNotSixDigits() {
    return Generators.sample(
        "postal-index-invalid",
        SAMPLES,
        r -> {
          int length = r.nextInt(12);
          String digits = Generators.digits(r, length == 6 ? 7 : length);
          // sometimes a letter or a look-alike digit among six
          return r.nextBoolean() && length > 0 ? digits : Generators.digits(r, 5) + Generators.pick(r, "OоIlА٣-");
        })
        .filter(s -> !s.isBlank());
  }

  @ParameterizedTest
  @MethodSource("randomNotSixDigits")
  void anythingButSixAsciiDigitsIsRefused(String raw) {
    assertThat(PostalIndex.parse(raw).violation()).contains("invalid_postal_index");
  }

  // --- region ------------------------------------------------------------------------------

  @Test
  void thereAreEightyNineSubjectsWithDistinctCodesAndNames() {
    List<FederalSubject> all = FederalSubject.all();
    assertThat(all).hasSize(89);
    assertThat(all.stream().map(FederalSubject::code).distinct()).hasSize(89);
    assertThat(all.stream().map(FederalSubject::name).distinct()).hasSize(89);
    assertThat(FederalSubject.byCode("77")).map(FederalSubject::name).contains("г. Москва");
    assertThat(FederalSubject.byCode("92")).map(FederalSubject::name).contains("г. Севастополь");
  }

  @Test
  void exactlyTheListedTwoDigitCodesParse() {
    Set<String> listed = new HashSet<>();
    FederalSubject.all().forEach(s -> listed.add(s.code()));
    IntStream.range(0, 100)
        .mapToObj("%02d"::formatted)
        .forEach(
            code ->
                assertThat(FederalSubject.parse(code).isValid())
                    .as(code)
                    .isEqualTo(listed.contains(code)));
    assertThat(FederalSubject.parse("7").value().code()).isEqualTo("07");
    assertThat(FederalSubject.parse(" 77 ").value().code()).isEqualTo("77");
  }

  @ParameterizedTest
  @ValueSource(strings = {"777", "Москва", "7a", "-1", "٧٧", "00"})
  void anythingElseIsAnUnknownRegion(String raw) {
    assertThat(FederalSubject.parse(raw).violation()).contains("unknown_region");
  }

  // --- address parts -----------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ул. Ленина",
        "пр-кт Мира",
        "г. Москва",
        "пос. Рублёво-Успенское",
        "ул. 8 Марта",
        "мкр. №3",
        "наб. Кутузова (Южная)",
        "ул. \"Заречная\"",
        "Tverskaya st."
      })
  void acceptsPlacesAsWritten(String raw) {
    assertThat(AddressPart.parse(raw, AddressPart.Kind.PLACE).value().value()).isEqualTo(raw);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "12А", "12/3", "5 - 7", "1-Б"})
  void acceptsHouseNumbers(String raw) {
    assertThat(AddressPart.parse(raw, AddressPart.Kind.NUMBER).value().value()).isEqualTo(raw);
  }

  @ParameterizedTest
  @ValueSource(strings = {"<script>", "ул. Ленина;", "ул.{}", "д. 5\u202e", "ул\u200b", "😀 ул.", "ул. Ленина\u0000"})
  void refusesMarkupHiddenAndForeignCharacters(String raw) {
    assertThat(AddressPart.parse(raw, AddressPart.Kind.PLACE).violation()).as(raw).contains("address_characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12.", "ул. 12", "12,3", "(5)"})
  void numbersRefusePlacePunctuation(String raw) {
    assertThat(AddressPart.parse(raw, AddressPart.Kind.NUMBER).violation()).as(raw).contains("address_characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-", ". ,", "//"})
  void aPartNeedsALetterOrDigit(String raw) {
    assertThat(AddressPart.parse(raw, AddressPart.Kind.PLACE).violation()).contains("no_letter_or_digit");
  }

  static Stream<String> randomPlaces() {
    return Generators.sample("address-place", SAMPLES, r -> placeOf(r, 1 + r.nextInt(100)))
        .filter(s -> s.chars().anyMatch(Character::isLetterOrDigit));
  }

  @ParameterizedTest
  @MethodSource("randomPlaces")
  void everyPlaceOfAllowedCharactersUpToItsLengthIsAccepted(String raw) {
    AddressPart part = AddressPart.parse(raw, AddressPart.Kind.PLACE).value();
    assertThat(part.value()).isEqualTo(raw.strip().replaceAll(" +", " "));
    // parsing is idempotent
    assertThat(AddressPart.parse(part.value(), AddressPart.Kind.PLACE).value()).isEqualTo(part);
  }

  @ParameterizedTest
  @EnumSource(AddressPart.Kind.class)
  void anythingLongerThanItsKindAllowsIsTooLong(AddressPart.Kind kind) {
    Random random = Generators.random("address-too-long-" + kind);
    for (int i = 0; i < SAMPLES; i++) {
      String raw = Generators.digits(random, kind.maxLength() + 1 + random.nextInt(50));
      assertThat(AddressPart.parse(raw, kind).violation()).as(raw).contains("too_long");
      assertThat(AddressPart.parse(raw.substring(0, kind.maxLength()), kind).isValid()).isTrue();
    }
  }

  @Test
  void aForbiddenCharacterAnywhereIsRefused() {
    Random random = Generators.random("address-forbidden");
    String forbidden = "<>;{}[]$%^&*=+\\|`~@#!?_";
    for (int i = 0; i < SAMPLES; i++) {
      StringBuilder raw = new StringBuilder(placeOf(random, 1 + random.nextInt(60)));
      raw.insert(random.nextInt(raw.length() + 1), Generators.pick(random, forbidden));
      raw.append('1');
      assertThat(AddressPart.parse(raw.toString(), AddressPart.Kind.PLACE).violation())
          .as(raw.toString())
          .contains("address_characters");
    }
  }

  @Test
  void theEnvelopePutsTheIndexLastAndSkipsWhatIsMissing() {
    PostalAddress address =
        new PostalAddress(
            PostalIndex.parse("420111").value(),
            FederalSubject.parse("16").value(),
            null,
            AddressPart.parse("г. Казань", AddressPart.Kind.PLACE).value(),
            AddressPart.parse("ул. Баумана", AddressPart.Kind.PLACE).value(),
            AddressPart.parse("5", AddressPart.Kind.NUMBER).value(),
            null,
            AddressPart.parse("12", AddressPart.Kind.FLAT).value());
    assertThat(address.envelopeLines())
        .containsExactly("ул. Баумана, д. 5, кв. 12", "г. Казань", "Республика Татарстан", "420111");
    assertThat(address.toString()).doesNotContain("Баумана");
  }

  private static String placeOf(Random random, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(Generators.pick(random, PLACE_ALPHABET));
    }
    return out.toString();
  }
}
