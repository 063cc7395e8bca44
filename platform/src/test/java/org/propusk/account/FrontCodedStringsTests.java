package org.propusk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FrontCodedStringsTests {

  @Test
  void holdsNothingWhenEmpty() {
    FrontCodedStrings none = FrontCodedStrings.of(List.of());

    assertThat(none.size()).isZero();
    assertThat(none.contains("")).isFalse();
    assertThat(none.contains("a")).isFalse();
  }

  @Test
  void countsDuplicatesOnce() {
    FrontCodedStrings strings = FrontCodedStrings.of(List.of("qwerty", "qwerty", "123456"));

    assertThat(strings.size()).isEqualTo(2);
    assertThat(strings.contains("qwerty")).isTrue();
  }

  @Test
  void tellsPrefixesAndExtensionsApart() {
    FrontCodedStrings strings = FrontCodedStrings.of(List.of("", "pass", "password", "password1"));

    assertThat(strings.contains("")).isTrue();
    assertThat(strings.contains("pass")).isTrue();
    assertThat(strings.contains("password1")).isTrue();
    assertThat(strings.contains("passw")).isFalse();
    assertThat(strings.contains("password12")).isFalse();
    assertThat(strings.contains("p")).isFalse();
  }

  @Test
  void keepsLongAndNonAsciiStrings() {
    String long300 = "я".repeat(150) + "z".repeat(150);
    FrontCodedStrings strings = FrontCodedStrings.of(List.of(long300, "пароль", "😀smile", "\uFFFF"));

    assertThat(strings.contains(long300)).isTrue();
    assertThat(strings.contains(long300 + "z")).isFalse();
    assertThat(strings.contains("пароль")).isTrue();
    assertThat(strings.contains("😀smile")).isTrue();
    assertThat(strings.contains("\uFFFF")).isTrue();
    assertThat(strings.contains("парол")).isFalse();
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 20).map(run -> 20_261_203L * run);
  }

  /** Random strings from a small alphabet, so that many share prefixes, against a HashSet. */
  @ParameterizedTest
  @MethodSource("seeds")
  void answersAsAHashSetOverRandomStrings(long seed) {
    System.out.println("answersAsAHashSetOverRandomStrings seed = " + seed);
    Random random = new Random(seed);
    List<String> members = new ArrayList<>();
    int count = random.nextInt(2_000);
    for (int i = 0; i < count; i++) {
      members.add(randomString(random));
    }
    Set<String> expected = new HashSet<>(members);
    FrontCodedStrings strings = FrontCodedStrings.of(members);

    assertThat(strings.size()).isEqualTo(expected.size());
    for (String member : members) {
      assertThat(strings.contains(member)).as(member).isTrue();
    }
    for (int i = 0; i < 5_000; i++) {
      String probe = randomString(random);
      assertThat(strings.contains(probe)).as(probe).isEqualTo(expected.contains(probe));
    }
  }

  /** Latin, Cyrillic, and an emoji and U+FFFD, which UTF-16 and UTF-8 sort in opposite orders. */
  private static final String[] ALPHABET = {"a", "b", "c", "1", "ж", "я", "😀", "\uFFFD"};

  private static String randomString(Random random) {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(8);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return out.toString();
  }
}
