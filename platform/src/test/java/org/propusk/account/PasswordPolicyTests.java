package org.propusk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propusk.account.PasswordAssessment.COMMON;
import static org.propusk.account.PasswordAssessment.PERSONAL_DATA;
import static org.propusk.account.PasswordAssessment.TOO_LONG;
import static org.propusk.account.PasswordAssessment.TOO_SHORT;
import static org.propusk.account.PasswordAssessment.TOO_WEAK;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.propusk.account.PasswordPolicy.PersonalData;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class PasswordPolicyTests {

  private static final PersonalData IVAN =
      new PersonalData("Иванов", "Андрей", "+79161234567", "a.ivanov-work@example.ru");

  private static CommonPasswords commonPasswords;
  private static PasswordPolicy policy;

  @BeforeAll
  static void loadListOnce() {
    commonPasswords = new CommonPasswords();
    policy = new PasswordPolicy(commonPasswords);
  }

  @Test
  void listHasAtLeastOneHundredThousandEntries() {
    assertThat(commonPasswords.size()).isGreaterThanOrEqualTo(100_000);
  }

  @Test
  void rejectsPasswordFromCommonList() {
    PasswordAssessment assessment = policy.assess("password123", PersonalData.NONE);

    assertThat(assessment.acceptable()).isFalse();
    assertThat(assessment.violations()).contains(COMMON);
    assertThat(assessment.firstViolation()).isEqualTo(COMMON);
  }

  @Test
  void matchesCommonListRegardlessOfCase() {
    assertThat(commonPasswords.contains("PassWord123")).isTrue();
    assertThat(policy.assess("QWERTYUIOP", PersonalData.NONE).violations()).contains(COMMON);
  }

  @Test
  void rejectsEveryOneOfTheFirstThousandListEntries() throws IOException {
    List<String> first = firstListEntries(1000);
    assertThat(first).hasSize(1000);

    for (String entry : first) {
      PasswordAssessment assessment = policy.assess(entry, PersonalData.NONE);
      assertThat(assessment.acceptable()).as(entry).isFalse();
      assertThat(assessment.violations()).as(entry).contains(COMMON);
    }
  }

  @Test
  void rejectsCommonRussianPasswordsAndWordsWithCommonEndings() {
    for (String russian : List.of("пароль123", "йцукенгшщз", "спартак1922", "Москва123!", "Наташа1985", "ЛЮБОВЬ2024")) {
      PasswordAssessment assessment = policy.assess(russian, PersonalData.NONE);

      assertThat(assessment.violations()).as(russian).contains(COMMON);
      assertThat(assessment.score()).as(russian).isLessThan(PasswordPolicy.MIN_SCORE);
    }
  }

  @Test
  void readsPasswordsTypedInTheOtherKeyboardLayout() {
    assertThat(commonPasswords.contains("gfhjkm")).as("пароль on a Latin layout").isTrue();
    assertThat(commonPasswords.contains("Gfhjkm123")).isTrue();
    assertThat(commonPasswords.contains("йцукен")).as("qwerty on a Russian layout").isTrue();
    assertThat(commonPasswords.contains("зфыыцщкв")).as("password on a Russian layout").isTrue();
    assertThat(commonPasswords.contains("moskva2024")).as("Russian words in Latin letters").isTrue();
  }

  @Test
  void ratesRussianWordsAsWeakThoughNotOnTheList() {
    // two dictionary words: guessable, though the combination is on no list
    for (String weak : List.of("зенитспартак", "yfnfifvfif", "moskvapiter")) {
      assertThat(commonPasswords.contains(weak)).as(weak).isFalse();

      assertThat(policy.assess(weak, PersonalData.NONE).violations()).as(weak).containsExactly(TOO_WEAK);
    }
  }

  @Test
  void checksPasswordsOfAnyLength() {
    for (String repeated : List.of("a".repeat(64), "ab".repeat(40), "пароль".repeat(21), "Qwerty12".repeat(16))) {
      PasswordAssessment assessment = policy.assess(repeated, PersonalData.NONE);

      assertThat(assessment.acceptable()).as(repeated).isFalse();
      assertThat(assessment.score()).as(repeated).isLessThan(PasswordPolicy.MIN_SCORE);
    }
  }

  @Test
  void findsWhatAPasswordRepeats() {
    assertThat(PasswordPolicy.repeatedUnit("Qwerty12Qwerty12Qwe")).isEqualTo("Qwerty12");
    assertThat(PasswordPolicy.repeatedUnit("aaaa")).isEqualTo("a");
    assertThat(PasswordPolicy.repeatedUnit("abcab")).isEqualTo("abcab");
  }

  @Test
  void neverScoresAPasswordThatBreaksARuleAsStrong() {
    PasswordAssessment listed = policy.assess("Zq8!ИВАНОВ#kp3Lm", IVAN);
    assertThat(listed.violations()).containsExactly(PERSONAL_DATA);
    assertThat(listed.score()).isLessThan(PasswordPolicy.MIN_SCORE);
  }

  @Test
  void rejectsPasswordShorterThanEightCodePoints() {
    PasswordAssessment assessment = policy.assess("xQ7#vL2", PersonalData.NONE);

    assertThat(assessment.violations()).startsWith(TOO_SHORT);
    assertThat(assessment.firstViolation()).isEqualTo(TOO_SHORT);
  }

  @Test
  void countsLengthInCodePointsNotChars() {
    String sevenEmoji = "🦊🌲🚲🎻🧩🛶🍄"; // 7 code points, 14 chars
    assertThat(sevenEmoji).hasSize(14);
    assertThat(policy.assess(sevenEmoji, PersonalData.NONE).violations()).contains(TOO_SHORT);

    String eightEmoji = sevenEmoji + "🪁";
    assertThat(policy.assess(eightEmoji, PersonalData.NONE).violations()).doesNotContain(TOO_SHORT);

    String maxEmoji = "🦊".repeat(PasswordPolicy.MAX_LENGTH); // 256 chars
    assertThat(policy.assess(maxEmoji, PersonalData.NONE).violations()).doesNotContain(TOO_LONG);
    assertThat(policy.assess(maxEmoji + "🌲", PersonalData.NONE).violations()).contains(TOO_LONG);
  }

  @Test
  void rejectsPasswordLongerThanOneHundredTwentyEightCodePoints() {
    String longest = randomString(new Random(128), PasswordPolicy.MAX_LENGTH);

    assertThat(policy.assess(longest, PersonalData.NONE).acceptable()).isTrue();
    PasswordAssessment tooLong = policy.assess(longest + "x", PersonalData.NONE);
    assertThat(tooLong.violations()).containsExactly(TOO_LONG);
    assertThat(tooLong.score()).isLessThan(PasswordPolicy.MIN_SCORE);
  }

  @Test
  void acceptsLongPassphraseOfSixtyFourCharacters() {
    String passphrase = "many little foxes dance under the old bridge when the moon rises";
    assertThat(passphrase.codePointCount(0, passphrase.length())).isEqualTo(64);

    PasswordAssessment assessment = policy.assess(passphrase, IVAN);

    assertThat(assessment.acceptable()).isTrue();
    assertThat(assessment.violations()).isEmpty();
    assertThat(assessment.firstViolation()).isNull();
    assertThat(assessment.score()).isEqualTo(4);
  }

  @Test
  void stillRejectsLongPassphraseContainingOwnSurname() {
    String passphrase = "many little foxes dance under the old bridge with andrei ivanov!!";
    assertThat(passphrase.codePointCount(0, passphrase.length())).isGreaterThanOrEqualTo(64);

    assertThat(policy.assess(passphrase, IVAN).violations()).containsExactly(PERSONAL_DATA);
  }

  @Test
  void rejectsPasswordContainingOwnSurname() {
    PasswordAssessment assessment = policy.assess("Zq8!ИВАНОВ#kp3Lm", IVAN);

    assertThat(assessment.acceptable()).isFalse();
    assertThat(assessment.violations()).contains(PERSONAL_DATA);
    assertThat(policy.assess("Zq8!ИВАНОВ#kp3Lm", PersonalData.NONE).acceptable()).isTrue();
  }

  @Test
  void rejectsPasswordContainingOwnSurnameInLatinLetters() {
    assertThat(policy.assess("Zq8!Ivanov#kp3Lm", IVAN).violations()).contains(PERSONAL_DATA);
  }

  @Test
  void rejectsPasswordContainingOwnSurnameTypedOnLatinKeyboardLayout() {
    // Иванов typed with the keyboard switched to English
    assertThat(policy.assess("Zq8!Bdfyjd#kp3Lm", IVAN).violations()).contains(PERSONAL_DATA);
  }

  @Test
  void rejectsPasswordContainingOwnGivenNameInAnyCommonSpelling() {
    assertThat(policy.assess("Zq8!андрей#kp3Lm", IVAN).violations()).contains(PERSONAL_DATA);
    assertThat(policy.assess("Zq8!Andrei#kp3Lm", IVAN).violations()).contains(PERSONAL_DATA);
    assertThat(policy.assess("Zq8!ANDREY#kp3Lm", IVAN).violations()).contains(PERSONAL_DATA);
  }

  @Test
  void readsYoAsYeInNames() {
    PersonalData fyodorov = new PersonalData("Фёдоров", null, null, null);

    assertThat(policy.assess("Zq8!федоров#kp3Lm", fyodorov).violations()).contains(PERSONAL_DATA);
    assertThat(policy.assess("Zq8!Fedorov#kp3Lm", fyodorov).violations()).contains(PERSONAL_DATA);
  }

  @Test
  void ignoresNamesShorterThanThreeLetters() {
    PersonalData li = new PersonalData("Ли", "Ян", null, null);

    assertThat(policy.assess("Zq8!лиян#kp3Lmli", li).violations()).doesNotContain(PERSONAL_DATA);
  }

  @Test
  void rejectsPasswordContainingOwnPhoneNumber() {
    assertThat(policy.assess("Zq8!9161234567#k", IVAN).violations()).contains(PERSONAL_DATA);
    assertThat(policy.assess("Zq8!1234567#kp3Lm", IVAN).violations()).contains(PERSONAL_DATA);
    assertThat(policy.assess("Zq8!123456#kp3Lm", IVAN).violations())
        .doesNotContain(PERSONAL_DATA);
  }

  @Test
  void rejectsPasswordContainingOwnEmailName() {
    assertThat(policy.assess("Zq8!a.ivanov-work#kp3", IVAN).violations()).contains(PERSONAL_DATA);
    PersonalData mailOnly = new PersonalData(null, null, null, "kotofey@example.ru");
    assertThat(policy.assess("Zq8!KotoFey#kp3Lm", mailOnly).violations()).contains(PERSONAL_DATA);
    assertThat(policy.assess("Zq8!example#kp3Lm", mailOnly).violations())
        .doesNotContain(PERSONAL_DATA);
  }

  @Test
  void rejectsPasswordThatZxcvbnRatesWeakThoughNotOnList() {
    for (String weak : List.of("Password2024", "sunshine2025", "dragonmonkey")) {
      assertThat(commonPasswords.contains(weak)).as(weak).isFalse();

      PasswordAssessment assessment = policy.assess(weak, PersonalData.NONE);

      assertThat(assessment.violations()).as(weak).containsExactly(TOO_WEAK);
      assertThat(assessment.score()).as(weak).isLessThan(PasswordPolicy.MIN_SCORE);
    }
  }

  @Test
  void ratesPasswordBuiltFromOwnDataAsWeak() {
    int withoutData = policy.assess("ivanov1234567", PersonalData.NONE).score();
    int withData = policy.assess("ivanov1234567", IVAN).score();

    assertThat(withData).isLessThanOrEqualTo(withoutData).isLessThan(PasswordPolicy.MIN_SCORE);
  }

  @Test
  void reportsViolationsInFixedOrder() {
    PasswordPolicy.PersonalData mike = new PersonalData(null, "Michael", null, null);

    PasswordAssessment shortOne = policy.assess("michael", mike);
    assertThat(shortOne.violations()).containsExactly(TOO_SHORT, COMMON, PERSONAL_DATA, TOO_WEAK);
    assertThat(shortOne.firstViolation()).isEqualTo(TOO_SHORT);

    PasswordAssessment listed = policy.assess("michael1", mike);
    assertThat(listed.violations()).containsExactly(COMMON, PERSONAL_DATA, TOO_WEAK);
  }

  @Test
  void acceptsStrongPassword() {
    PasswordAssessment assessment = policy.assess("vT9#qLm2!xRw7zP", IVAN);

    assertThat(assessment.acceptable()).isTrue();
    assertThat(assessment.firstViolation()).isNull();
    assertThat(assessment.score()).isBetween(PasswordPolicy.MIN_SCORE, 4);
  }

  @Test
  void acceptsRandomTwentyCharacterStringsFromSixtyLetterAlphabet() {
    long seed = 20_240_601L;
    System.out.println("acceptsRandomTwentyCharacterStrings seed = " + seed);
    Random random = new Random(seed);

    for (int i = 0; i < 300; i++) {
      String password = randomString(random, 20);
      PasswordAssessment assessment = policy.assess(password, IVAN);
      assertThat(assessment.acceptable()).as("seed %d, #%d: %s", seed, i, password).isTrue();
      assertThat(assessment.score()).as(password).isEqualTo(4);
    }
  }

  @Test
  void toleratesMissingPasswordAndPersonalData() {
    assertThat(policy.assess(null, null).violations()).containsExactly(TOO_SHORT, TOO_WEAK);
    assertThat(policy.assess("", PersonalData.NONE).score()).isZero();
    PersonalData blanks = new PersonalData("  ", "", " ", "@example.ru");
    assertThat(policy.assess("vT9#qLm2!xRw7zP", blanks).acceptable()).isTrue();
  }

  @Test
  void wiresAsSpringComponents() {
    try (var context =
        new AnnotationConfigApplicationContext(CommonPasswords.class, PasswordPolicy.class)) {
      PasswordPolicy bean = context.getBean(PasswordPolicy.class);
      assertThat(bean.assess("password", PersonalData.NONE).violations()).contains(COMMON);
    }
  }

  /** Letters and digits without look-alikes (l, I, O, 0, 1) plus a few symbols: 60 in all. */
  private static final String ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%";

  private static String randomString(Random random, int length) {
    assertThat(ALPHABET.chars().distinct().count()).isEqualTo(60);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }

  private static List<String> firstListEntries(int count) throws IOException {
    List<String> entries = new ArrayList<>(count);
    ClassLoader loader = PasswordPolicyTests.class.getClassLoader();
    try (InputStream raw = loader.getResourceAsStream(CommonPasswords.RESOURCE);
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null && entries.size() < count; ) {
        entries.add(line);
        line = lines.readLine();
      }
    }
    return entries;
  }
}
