package org.propusk.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Coverage-guided counterpart of {@link ParsersNeverThrowTest}: one target per parser, each
 * holding it to its contract. A parser returns normally for any input (an exception would become a
 * 500); a rejection carries one of the codes the parser documents; an accepted value is a fixed
 * point (parsing its normalised form, or any form the value prints itself in, gives it back).
 *
 * <p>A normal {@code mvn test} only replays the stored inputs under {@code
 * src/test/resources/org/propusk/identifiers/ParsersFuzzTestInputs/<target>}. To fuzz one target
 * (see the README, "Fuzzing"):
 *
 * <pre>
 * ./mvnw -Pfuzz -pl identifiers test -Dtest='ParsersFuzzTest#snils' -Djazzer.max_duration=2m
 * </pre>
 *
 * <p>and copy any finding that Jazzer writes next to the stored inputs into that directory.
 */
class ParsersFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void everyParserReturnsNormallyForArbitraryInput(FuzzedDataProvider data) {
    String first = data.consumeString(300);
    String second = data.consumeRemainingAsString();

    assertThat(PersonName.parse(first)).isNotNull();
    assertThat(MobilePhone.parse(first)).isNotNull();
    assertThat(EmailAddress.parse(first)).isNotNull();
    assertThat(Snils.parse(first)).isNotNull();
    assertThat(Inn.parse(first)).isNotNull();
    assertThat(Ogrn.parse(first)).isNotNull();
    assertThat(Ogrnip.parse(first)).isNotNull();
    assertThat(PassportNumber.parse(first, second)).isNotNull();
    assertThat(DivisionCode.parse(first)).isNotNull();
    assertThat(LoginIdentifier.classify(first)).isNotNull();
    assertThat(FreeText.parse(first, 200)).isNotNull();
  }

  @FuzzTest(maxDuration = "1m")
  void snils(FuzzedDataProvider data) {
    Optional<Snils> snils =
        holdsContract(
            data.consumeRemainingAsString(),
            Snils::parse,
            Set.of("required", "invalid_format", "invalid_checksum"),
            Snils::digits);
    snils.ifPresent(value -> assertThat(Snils.parse(value.formatted()).value()).isEqualTo(value));
  }

  @FuzzTest(maxDuration = "1m")
  void inn(FuzzedDataProvider data) {
    Optional<Inn> inn =
        holdsContract(
            data.consumeRemainingAsString(),
            Inn::parse,
            Set.of("required", "invalid_format", "invalid_checksum"),
            Inn::digits);
    inn.ifPresent(
        value -> assertThat(value.digits()).hasSize(value.isPersonal() ? 12 : 10).containsOnlyDigits());
  }

  @FuzzTest(maxDuration = "1m")
  void ogrn(FuzzedDataProvider data) {
    holdsContract(
            data.consumeRemainingAsString(),
            Ogrn::parse,
            Set.of("required", "invalid_format", "invalid_checksum"),
            Ogrn::digits)
        .ifPresent(value -> assertThat(value.digits()).hasSize(13).containsOnlyDigits());
  }

  @FuzzTest(maxDuration = "1m")
  void ogrnip(FuzzedDataProvider data) {
    holdsContract(
            data.consumeRemainingAsString(),
            Ogrnip::parse,
            Set.of("required", "invalid_format", "invalid_checksum"),
            Ogrnip::digits)
        .ifPresent(value -> assertThat(value.digits()).hasSize(15).containsOnlyDigits());
  }

  @FuzzTest(maxDuration = "1m")
  void passportNumber(FuzzedDataProvider data) {
    String series = data.consumeString(40);
    String number = data.consumeRemainingAsString();
    Parsed<PassportNumber> parsed = PassportNumber.parse(series, number);
    switch (parsed) {
      case Parsed.Valid<PassportNumber>(PassportNumber passport) -> {
        assertThat(PassportNumber.parse(passport.series(), passport.number())).isEqualTo(parsed);
        String[] printed = passport.formatted().split(" ");
        assertThat(PassportNumber.parse(printed[0] + " " + printed[1], printed[2]))
            .isEqualTo(parsed);
      }
      case Parsed.Invalid<PassportNumber>(String code) ->
          assertThat(code).isIn("required", "invalid_series", "invalid_number");
    }
  }

  @FuzzTest(maxDuration = "1m")
  void divisionCode(FuzzedDataProvider data) {
    holdsContract(
            data.consumeRemainingAsString(),
            DivisionCode::parse,
            Set.of("required", "invalid_format"),
            DivisionCode::value)
        .ifPresent(value -> assertThat(value.value()).matches("[0-9]{3}-[0-9]{3}"));
  }

  @FuzzTest(maxDuration = "1m")
  void personName(FuzzedDataProvider data) {
    holdsContract(
            data.consumeRemainingAsString(),
            PersonName::parse,
            Set.of("required", "too_long", "invalid_characters", "no_letter", "mixed_alphabets"),
            PersonName::value)
        .ifPresent(
            value -> assertThat(value.value()).hasSizeLessThanOrEqualTo(PersonName.MAX_LENGTH));
  }

  @FuzzTest(maxDuration = "1m")
  void mobilePhone(FuzzedDataProvider data) {
    holdsContract(
            data.consumeRemainingAsString(),
            MobilePhone::parse,
            Set.of("required", "invalid", "not_mobile"),
            MobilePhone::e164)
        .ifPresent(
            phone -> {
              assertThat(MobilePhone.parse(phone.display()).value()).isEqualTo(phone);
              assertThat(phone.masked()).doesNotContain(phone.e164().substring(5, 10));
            });
  }

  @FuzzTest(maxDuration = "1m")
  void emailAddress(FuzzedDataProvider data) {
    holdsContract(
            data.consumeRemainingAsString(),
            EmailAddress::parse,
            Set.of("required", "invalid", "too_long", "mixed_scripts"),
            EmailAddress::value)
        .ifPresent(
            email -> {
              assertThat(email.value()).hasSizeLessThanOrEqualTo(EmailAddress.MAX_LENGTH);
              assertThat(email.localPart() + "@" + email.domain()).isEqualTo(email.value());
              assertThat(email.masked()).endsWith("@" + email.domain());
            });
  }

  @FuzzTest(maxDuration = "1m")
  void freeText(FuzzedDataProvider data) {
    int maxLength = data.consumeInt(1, 500);
    holdsContract(
            data.consumeRemainingAsString(),
            raw -> FreeText.parse(raw, maxLength),
            Set.of("required", "too_long", "invalid_characters"),
            FreeText::value)
        .ifPresent(text -> assertThat(text.value()).hasSizeLessThanOrEqualTo(maxLength));
  }

  /**
   * The sign-in field: whatever it classifies the input as must be what that parser makes of the
   * same input, and the normalised value must classify the same way again.
   */
  @FuzzTest(maxDuration = "1m")
  void loginIdentifier(FuzzedDataProvider data) {
    String raw = data.consumeRemainingAsString();
    Optional<LoginIdentifier> login = LoginIdentifier.classify(raw);
    assertThat(login).isNotNull();
    login.ifPresent(
        identifier -> {
          switch (identifier) {
            case LoginIdentifier.ByEmail(EmailAddress email) -> {
              assertThat(EmailAddress.parse(raw).value()).isEqualTo(email);
              assertThat(LoginIdentifier.classify(email.value())).contains(identifier);
            }
            case LoginIdentifier.ByPhone(MobilePhone phone, Snils orSnils) -> {
              assertThat(MobilePhone.parse(raw).value()).isEqualTo(phone);
              assertThat(LoginIdentifier.classify(phone.e164()))
                  .hasValueSatisfying(again -> assertThat(again).isInstanceOfSatisfying(
                      LoginIdentifier.ByPhone.class, byPhone -> assertThat(byPhone.phone()).isEqualTo(phone)));
              if (orSnils != null) {
                assertThat(Snils.parse(raw).value()).isEqualTo(orSnils);
              }
            }
            case LoginIdentifier.BySnils(Snils snils) -> {
              assertThat(Snils.parse(raw).value()).isEqualTo(snils);
              assertThat(MobilePhone.parse(raw).isValid() && !raw.strip().equals(snils.formatted())).isFalse();
            }
          }
        });
  }

  /**
   * The contract every single-field parser keeps: it returns normally; a rejection names one of
   * the {@code codes} it documents; an accepted value parses to itself from its normalised form
   * ({@code normalised}) and satisfies the record's own constructor check.
   *
   * @return the accepted value, for the parser's own further checks
   */
  private static <T> Optional<T> holdsContract(
      String raw, Function<String, Parsed<T>> parser, Set<String> codes, Function<T, String> normalised) {
    Parsed<T> parsed = parser.apply(raw);
    assertThat(parsed).isNotNull();
    return switch (parsed) {
      case Parsed.Valid<T>(T value) -> {
        assertThat(parser.apply(normalised.apply(value))).isEqualTo(parsed);
        yield Optional.of(value);
      }
      case Parsed.Invalid<T>(String code) -> {
        assertThat(code).isIn(codes);
        yield Optional.empty();
      }
    };
  }
}
