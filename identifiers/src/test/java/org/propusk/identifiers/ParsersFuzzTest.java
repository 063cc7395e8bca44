package org.propusk.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided counterpart of {@link ParsersNeverThrowTest}. A normal {@code mvn test} only
 * replays the stored inputs under {@code src/test/resources/.../ParsersFuzzTestInputs}. To search
 * for new crashing inputs (two minutes), run
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl identifiers test -Dtest=ParsersFuzzTest -Djazzer.hooks=true
 * </pre>
 *
 * <p>and copy any finding into that directory. {@code jazzer.hooks=true} re-enables the
 * instrumentation that {@code junit-platform.properties} turns off for ordinary builds.
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
}
