package org.propusk.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parser faces raw user input, so none may throw, whatever it is given: an exception would
 * become a 500 page instead of a form error.
 */
class ParsersNeverThrowTest {

  private static final int INPUTS_PER_PARSER = 5_000;

  /** Every entry point that takes raw input, so a new parser cannot be forgotten here silently. */
  static Stream<Named<Function<String, Object>>> parsers() {
    return Stream.of(
        Named.of("PersonName", PersonName::parse),
        Named.of("MobilePhone", MobilePhone::parse),
        Named.of("EmailAddress", EmailAddress::parse),
        Named.of("Snils", Snils::parse),
        Named.of("Inn", Inn::parse),
        Named.of("Ogrn", Ogrn::parse),
        Named.of("Ogrnip", Ogrnip::parse),
        Named.of("PassportNumber (series)", raw -> PassportNumber.parse(raw, "123456")),
        Named.of("PassportNumber (number)", raw -> PassportNumber.parse("4506", raw)),
        Named.of("DivisionCode", DivisionCode::parse),
        Named.of("FreeText", raw -> FreeText.parse(raw, 200)),
        Named.of("PostalIndex", PostalIndex::parse),
        Named.of("FederalSubject", FederalSubject::parse),
        Named.of("AddressPart (place)", raw -> AddressPart.parse(raw, AddressPart.Kind.PLACE)),
        Named.of("AddressPart (number)", raw -> AddressPart.parse(raw, AddressPart.Kind.NUMBER)),
        Named.of("LoginIdentifier", LoginIdentifier::classify));
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void neverThrowsForRandomUnicodeGarbage(Function<String, Object> parser) {
    Random random = Generators.random("garbage");
    for (int i = 0; i < INPUTS_PER_PARSER; i++) {
      String input = Generators.garbage(random);
      assertReturnsNormally(parser, input);
    }
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void neverThrowsForNearlyValidInput(Function<String, Object> parser) {
    Random random = Generators.random("nearly-valid");
    List<String> seeds =
        List.of(
            "+7 (912) 345-67-89",
            "ivan.ivanov@mail.ru",
            "112-233-445 95",
            "7707083893",
            "1027700132195",
            "304500116000157",
            "Салтыков-Щедрин",
            "770-001",
            "45 06",
            "101000",
            "ул. Ленина",
            "12/3");
    for (int i = 0; i < INPUTS_PER_PARSER; i++) {
      StringBuilder input = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        int at = random.nextInt(input.length() + 1);
        String insert = Generators.garbage(random);
        input.insert(at, insert.substring(0, Math.min(insert.length(), 2)));
        if (random.nextBoolean() && input.length() > 1) {
          input.deleteCharAt(random.nextInt(input.length()));
        }
      }
      assertReturnsNormally(parser, input.toString());
    }
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void returnsAResultForNull(Function<String, Object> parser) {
    assertThat(parser.apply(null)).isNotNull();
  }

  private static void assertReturnsNormally(Function<String, Object> parser, String input) {
    try {
      assertThat(parser.apply(input)).isNotNull();
    } catch (RuntimeException | StackOverflowError e) {
      fail("threw for input " + Generators.escape(input), e);
    }
  }
}
