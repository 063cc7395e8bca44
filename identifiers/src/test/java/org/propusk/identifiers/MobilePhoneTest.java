package org.propusk.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MobilePhoneTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8 912 345-67-89",
        "+7 (912) 345-67-89",
        "+79123456789",
        "79123456789",
        "9123456789",
        "89123456789",
        "8(912)3456789",
        "+7 912 345 67 89",
        "8-912-345-67-89",
        "+7.912.345.67.89",
        "  +7 912 345-67-89\t",
        "+7\u00A0912\u00A0345\u00A067\u00A089"
      })
  void acceptsCommonWaysOfWritingTheSameNumber(String raw) {
    assertThat(MobilePhone.parse(raw).value().e164()).isEqualTo("+79123456789");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"+7 916 123-45-67", "+7 999 765-43-21", "+7 900 000-00-00", "+7 978 123-45-67"})
  void acceptsNumbersFromRussianMobileRanges(String raw) {
    assertThat(MobilePhone.parse(raw).isValid()).isTrue();
  }

  @Test
  void formatsForDisplayAndMasksForMessages() {
    MobilePhone phone = MobilePhone.parse("89123456789").value();

    assertThat(phone.e164()).isEqualTo("+79123456789");
    assertThat(phone.display()).isEqualTo("+7 (912) 345-67-89");
    assertThat(phone.masked()).isEqualTo("+7 (912) ***-**-89");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  ", "\u00A0"})
  void reportsMissingNumberAsRequired(String raw) {
    assertThat(MobilePhone.parse(raw).violation()).contains("required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"+7 495 123-45-67", "8 (499) 123-45-67", "+7 812 123-45-67", "8 800 555-35-35"})
  void rejectsLandlineAndTollFreeNumbersAsNotMobile(String raw) {
    assertThat(MobilePhone.parse(raw).violation()).contains("not_mobile");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "912345678",
        "+7 912 345-67-890",
        "+7 912 345 67 89 ext 5",
        "8 912 FLOWERS",
        "+7 912 345-67-89#1",
        "+7 701 123-45-67",
        "+380 91 234 5678",
        "+1 650 253 0000",
        "８９１２３４５６７８９",
        "+7 (912) 345-67-89 / +7 (912) 345-67-88",
        "123"
      })
  void rejectsMalformedForeignAndLetterContainingInput(String raw) {
    assertThat(MobilePhone.parse(raw).violation()).contains("invalid");
  }

  @Test
  void constructorAcceptsOnlyTheE164FormOfARussianMobileNumber() {
    assertThat(new MobilePhone("+79123456789").display()).isEqualTo("+7 (912) 345-67-89");
    assertThatThrownBy(() -> new MobilePhone("89123456789"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MobilePhone("+74951234567"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MobilePhone(null)).isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<String> generatedMobileNumbers() {
    return Generators.sample("mobile-numbers", 300, Generators::mobileNationalNumber);
  }

  @ParameterizedTest
  @MethodSource("generatedMobileNumbers")
  void normalisesEveryFormatOfAGeneratedNumberToTheSameE164(String national) {
    String code = national.substring(0, 3);
    String a = national.substring(3, 6);
    String b = national.substring(6, 8);
    String c = national.substring(8, 10);
    List<String> formats =
        List.of(
            "+7" + national,
            "7" + national,
            "8" + national,
            national,
            "+7 (%s) %s-%s-%s".formatted(code, a, b, c),
            "8 (%s) %s-%s-%s".formatted(code, a, b, c),
            "8 %s %s-%s-%s".formatted(code, a, b, c),
            "+7 %s %s %s %s".formatted(code, a, b, c),
            "8-%s-%s-%s-%s".formatted(code, a, b, c),
            " +7\u00A0%s\u00A0%s%s%s ".formatted(code, a, b, c));

    for (String format : formats) {
      MobilePhone phone = MobilePhone.parse(format).value();
      assertThat(phone.e164()).as(format).isEqualTo("+7" + national);
      assertThat(MobilePhone.parse(phone.display()).value()).isEqualTo(phone);
    }
  }
}
