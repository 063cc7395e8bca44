package org.propusk.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ivanov@mail.ru",
        "Ivan.Ivanov@yandex.ru",
        "ivan+gosuslugi@gmail.com",
        "o'connor@example.ie",
        "a@b.co",
        "x_y-z@sub-domain.example.org",
        "!#$%&'*+/=?^_`{|}~-@example.com",
        "pochta@пример.рф",
        "user@xn--e1afmkfd.xn--p1ai",
        "user@123.example.com"
      })
  void acceptsPracticallyValidAddresses(String raw) {
    assertThat(EmailAddress.parse(raw).isValid()).as(raw).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "'  Ivan.Petrov@Mail.RU  ', Ivan.Petrov@mail.ru",
    "user@ПРИМЕР.РФ, user@пример.рф",
    "'\tuser@example.com\n', user@example.com"
  })
  void trimsAndLowerCasesOnlyTheDomain(String raw, String expected) {
    assertThat(EmailAddress.parse(raw).value().value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\u00A0"})
  void reportsMissingAddressAsRequired(String raw) {
    assertThat(EmailAddress.parse(raw).violation()).contains("required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ivanov",
        "ivanov@",
        "@mail.ru",
        "ivanov@mail",
        "ivan@ov@mail.ru",
        ".ivanov@mail.ru",
        "ivanov.@mail.ru",
        "iva..nov@mail.ru",
        "ivan ov@mail.ru",
        "\"ivanov\"@mail.ru",
        "ivanov@-mail.ru",
        "ivanov@mail-.ru",
        "ivanov@mail..ru",
        "ivanov@.mail.ru",
        "ivanov@mail.ru.",
        "ivanov@mail.r",
        "ivanov@mail.r2",
        "ivanov@[127.0.0.1]",
        "ivanov@mail_box.ru",
        "ivanov@mail.ru\u0000",
        "иванов@mail.ru"
      })
  void rejectsSyntacticallyInvalidAddresses(String raw) {
    assertThat(EmailAddress.parse(raw).violation()).as(raw).contains("invalid");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ivanov@gmаil.com", // Cyrillic а in a Latin label
        "ivanov@mail.rу", // Cyrillic у in the top-level domain
        "ivanov@рochta.ru", // Cyrillic р starting a Latin label
        "ivanov@пpимep.рф", // Latin p and e inside a Cyrillic label
        "ivanov@xn--gmil-63d.com", // gmаil.com written as punycode
        "ivanov@gοogle.com" // Greek omicron
      })
  void refusesDomainLabelsThatMixScripts(String raw) {
    assertThat(EmailAddress.parse(raw).violation()).as(raw).contains("mixed_scripts");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ivanov@почта.example.com",
        "ivanov@mail-2.пример.рф",
        "ivanov@xn--80a1acny.xn--p1ai",
        "tanaka@日本語ドメイン.jp" // kanji with katakana: one Japanese word
      })
  void acceptsLabelsOfOneScriptEachMixedAcrossTheDomain(String raw) {
    assertThat(EmailAddress.parse(raw).isValid()).as(raw).isTrue();
  }

  @Test
  void enforcesLengthLimitsOfLocalPartLabelsAndWholeAddress() {
    String label63 = "a".repeat(63);
    String longestDomain = String.join(".", label63, label63, label63, "a".repeat(57)) + ".ru";

    assertThat(EmailAddress.parse("a".repeat(64) + "@mail.ru").isValid()).isTrue();
    assertThat(EmailAddress.parse("a".repeat(65) + "@mail.ru").violation()).contains("invalid");
    assertThat(EmailAddress.parse("a@" + label63 + ".ru").isValid()).isTrue();
    assertThat(EmailAddress.parse("a@" + label63 + "a.ru").violation()).contains("invalid");
    assertThat(("a@" + longestDomain).length()).isEqualTo(254);
    assertThat(EmailAddress.parse("a@" + longestDomain).isValid()).isTrue();
    assertThat(EmailAddress.parse("ab@" + longestDomain).violation()).contains("too_long");
  }

  @ParameterizedTest
  @CsvSource({
    "ivanov@mail.ru, iv***@mail.ru",
    "iva@mail.ru, iv***@mail.ru",
    "ab@mail.ru, a***@mail.ru",
    "a@mail.ru, a***@mail.ru"
  })
  void masksAllButTheStartOfTheLocalPart(String address, String masked) {
    assertThat(EmailAddress.parse(address).value().masked()).isEqualTo(masked);
  }

  @Test
  void exposesLocalPartAndDomain() {
    EmailAddress email = EmailAddress.parse("Ivan@Mail.Ru").value();

    assertThat(email.localPart()).isEqualTo("Ivan");
    assertThat(email.domain()).isEqualTo("mail.ru");
  }

  @Test
  void constructorRejectsInvalidOrUnnormalisedAddresses() {
    assertThatThrownBy(() -> new EmailAddress("a@Mail.ru"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EmailAddress(" a@mail.ru"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EmailAddress("a@mail"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EmailAddress(null)).isInstanceOf(IllegalArgumentException.class);
  }

  private static final String LOCAL_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-";

  static String generatedAddress(Random random) {
    StringBuilder local = new StringBuilder();
    int localLength = 1 + random.nextInt(30);
    for (int i = 0; i < localLength; i++) {
      boolean dotAllowed = i > 0 && i < localLength - 1 && local.charAt(i - 1) != '.';
      local.append(
          dotAllowed && random.nextInt(8) == 0 ? '.' : Generators.pick(random, LOCAL_CHARS));
    }
    StringBuilder domain = new StringBuilder();
    int labels = 1 + random.nextInt(3);
    String letters =
        random.nextInt(4) == 0
            ? "абвгдежзиклмнопрстуфхцчшщэюяё"
            : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (int i = 0; i < labels; i++) {
      domain.append(Generators.pick(random, letters));
      for (int j = random.nextInt(10); j > 0; j--) {
        domain.append(Generators.pick(random, letters + "0123456789-"));
      }
      domain.append(Generators.pick(random, letters + "0123456789")).append('.');
    }
    domain.append(Generators.pick(random, letters)).append(Generators.pick(random, letters));
    return local + "@" + domain;
  }

  static Stream<String> generatedAddresses() {
    return Generators.sample("email-addresses", 300, EmailAddressTest::generatedAddress);
  }

  @ParameterizedTest
  @MethodSource("generatedAddresses")
  void acceptsEveryGeneratedAddressAndParsingIsIdempotent(String raw) {
    EmailAddress email = EmailAddress.parse(raw).value();

    assertThat(email.localPart()).isEqualTo(raw.substring(0, raw.indexOf('@')));
    assertThat(email.domain())
        .isEqualTo(raw.substring(raw.indexOf('@') + 1).toLowerCase(Locale.ROOT));
    assertThat(EmailAddress.parse(email.value()).value()).isEqualTo(email);
    assertThat(EmailAddress.parse(" " + raw + " ").value()).isEqualTo(email);
  }
}
