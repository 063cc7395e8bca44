package org.propusk.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginIdentifierTest {

  @ParameterizedTest
  @ValueSource(strings = {"+7 (912) 345-67-89", "89123456789", "9123456789"})
  void classifiesPhoneNumbersAsPhone(String raw) {
    assertThat(LoginIdentifier.classify(raw))
        .contains(new LoginIdentifier.ByPhone(new MobilePhone("+79123456789")));
  }

  @Test
  void classifiesAnythingWithAnAtSignAsEmail() {
    assertThat(LoginIdentifier.classify(" Ivan@Mail.RU "))
        .contains(new LoginIdentifier.ByEmail(new EmailAddress("Ivan@mail.ru")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"112-233-445 95", "11223344595"})
  void classifiesAValidSnilsAsSnils(String raw) {
    assertThat(LoginIdentifier.classify(raw))
        .contains(new LoginIdentifier.BySnils(new Snils("11223344595")));
  }

  @Test
  void takesElevenDigitsThatAreBothAValidSnilsAndAMobileNumberAsAPhoneThatMayBeASnils() {
    Snils snils = Snils.withChecksum("891234567"); // 8 912 345-67-xx

    assertThat(LoginIdentifier.classify(snils.digits()))
        .contains(new LoginIdentifier.ByPhone(new MobilePhone("+791234567" + snils.digits().substring(9)), snils));
    assertThat(LoginIdentifier.classify(" " + snils.formatted() + " "))
        .as("written as on the card: a SNILS")
        .contains(new LoginIdentifier.BySnils(snils));
  }

  @Test
  void treatsElevenDigitsThatAreALandlineNumberAndAValidSnilsAsSnils() {
    String snilsLikeLandline = Snils.withChecksum("849512345").digits(); // 8 495 123-45-xx

    assertThat(MobilePhone.parse(snilsLikeLandline).violation()).contains("not_mobile");
    assertThat(LoginIdentifier.classify(snilsLikeLandline))
        .containsInstanceOf(LoginIdentifier.BySnils.class);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {"", "  ", "ivanov@", "112-233-445 96", "ivanov", "+7 495 123-45-67", "12345"})
  void findsNothingInInputThatIsNoneOfTheThree(String raw) {
    assertThat(LoginIdentifier.classify(raw)).isEmpty();
  }

  static Stream<String> generatedValidSnils() {
    return Generators.sample("login-snils", 300, Generators::validSnils);
  }

  @ParameterizedTest
  @MethodSource("generatedValidSnils")
  void classifiesEveryGeneratedSnilsAsSnilsUnlessItIsAlsoAMobileNumberAndAsSnilsWhenWrittenAsOnTheCard(String digits) {
    Snils snils = new Snils(digits);
    LoginIdentifier expected =
        MobilePhone.parse(digits) instanceof Parsed.Valid<MobilePhone>(MobilePhone phone)
            ? new LoginIdentifier.ByPhone(phone, snils)
            : new LoginIdentifier.BySnils(snils);

    assertThat(LoginIdentifier.classify(digits)).contains(expected);
    assertThat(LoginIdentifier.classify(snils.formatted())).contains(new LoginIdentifier.BySnils(snils));
  }
}
