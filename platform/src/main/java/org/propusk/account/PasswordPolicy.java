package org.propusk.account;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The password rules (NIST SP 800-63B-4, OWASP ASVS 5): at least 8 and at most 128 Unicode code
 * points, no composition rules, not on the bundled lists of common passwords (Russian ones too, on
 * either keyboard layout), not containing the person's own data, and strong enough by zxcvbn's
 * estimate with Russian dictionaries added. Every rule applies at any length, so that a long
 * password is accepted for being hard to guess, not for its length. Cheap enough to be called as
 * the user types.
 */
@Component
public class PasswordPolicy {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  /** The lowest acceptable zxcvbn score. */
  public static final int MIN_SCORE = 3;

  /** Names and e-mail names shorter than this are not looked for in the password. */
  static final int MIN_FRAGMENT_LENGTH = 3;

  /**
   * At most this many code points are given to zxcvbn, whose cost grows quickly with the length (a
   * tenth of a second for 64 on a busy machine); a prefix this long that is easy to guess makes
   * the whole password easy to guess.
   */
  static final int MAX_ESTIMATED_LENGTH = 64;

  private final CommonPasswords commonPasswords;
  private final Zxcvbn zxcvbn; // thread-safe, holds only its dictionaries

  public PasswordPolicy(CommonPasswords commonPasswords) {
    this.commonPasswords = commonPasswords;
    try {
      this.zxcvbn =
          new ZxcvbnBuilder()
              .dictionaries(StandardDictionaries.loadAllDictionaries())
              .dictionary(new Dictionary("russian", russianSpellings(commonPasswords.russianWords())))
              .keyboards(StandardKeyboards.loadAllKeyboards())
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load zxcvbn's dictionaries", e);
    }
  }

  /**
   * The person's own data that a password must not contain; any part may be {@code null}.
   *
   * @param phoneE164 the phone number, e.g. {@code +79161234567}; only its digits count
   */
  public record PersonalData(String lastName, String firstName, String phoneE164, String email) {

    /** No personal data: only the length, the list and the strength are checked. */
    public static final PersonalData NONE = new PersonalData(null, null, null, null);
  }

  /** Assesses a password; {@code null} counts as empty and {@code person} may be {@code null}. */
  public PasswordAssessment assess(String password, PersonalData person) {
    String typed = password == null ? "" : password;
    PersonalData own = person == null ? PersonalData.NONE : person;
    int length = typed.codePointCount(0, typed.length());
    List<String> violations = new ArrayList<>(4);

    if (length < MIN_LENGTH) {
      violations.add(PasswordAssessment.TOO_SHORT);
    } else if (length > MAX_LENGTH) {
      violations.add(PasswordAssessment.TOO_LONG);
    }
    if (commonPasswords.contains(typed)) {
      violations.add(PasswordAssessment.COMMON);
    }
    Set<String> fragments = fragmentsOf(own);
    String folded = fold(typed);
    if (fragments.stream().anyMatch(folded::contains)) {
      violations.add(PasswordAssessment.PERSONAL_DATA);
    }
    int score = estimate(typed, userInputs(own, fragments));
    if (score < MIN_SCORE) {
      violations.add(PasswordAssessment.TOO_WEAK);
    }
    return PasswordAssessment.of(score, violations);
  }

  /**
   * zxcvbn's score of what the password repeats, or of its start when it is long, read on either
   * keyboard layout (йцукен is qwerty); the lowest counts.
   */
  private int estimate(String password, List<String> userInputs) {
    if (password.isEmpty()) {
      return 0;
    }
    String unit = repeatedUnit(password);
    int length = codePoints(unit);
    String estimated =
        length <= MAX_ESTIMATED_LENGTH
            ? unit
            : unit.substring(0, unit.offsetByCodePoints(0, MAX_ESTIMATED_LENGTH));
    int lowest = zxcvbn.measure(estimated, userInputs).getScore();
    for (String variant : RussianLetters.otherLayouts(fold(estimated))) {
      lowest = Math.min(lowest, zxcvbn.measure(variant, userInputs).getScore());
    }
    return lowest;
  }

  /**
   * The shortest piece whose repetition makes up the text, e.g. {@code Qwerty12} of {@code
   * Qwerty12Qwerty12Qwe}, or the text itself when it repeats nothing: a repeated password is about
   * as easy to guess as its piece, and zxcvbn is slow on long repetitions.
   */
  static String repeatedUnit(String text) {
    int n = text.length();
    int[] border = new int[n]; // the longest proper prefix that also ends at i (Knuth-Morris-Pratt)
    for (int i = 1, k = 0; i < n; i++) {
      while (k > 0 && text.charAt(i) != text.charAt(k)) {
        k = border[k - 1];
      }
      if (text.charAt(i) == text.charAt(k)) {
        k++;
      }
      border[i] = k;
    }
    int period = n - border[n - 1];
    return period * 2 <= n ? text.substring(0, period) : text;
  }

  /** The Russian words as written and as commonly spelt in Latin letters, most common first. */
  private static List<String> russianSpellings(List<String> words) {
    Set<String> spellings = new LinkedHashSet<>(words);
    words.forEach(word -> spellings.add(RussianLetters.transliterate(word, RussianLetters.COMMON_LATIN)));
    return List.copyOf(spellings);
  }

  /**
   * The lower-cased pieces of the person's data that a password must not contain: names of at
   * least three letters (also transliterated and as typed on a Latin keyboard layout), the last
   * seven digits of the phone number, and the e-mail name and its parts.
   */
  static Set<String> fragmentsOf(PersonalData person) {
    Set<String> fragments = new LinkedHashSet<>();
    for (String name : new String[] {person.lastName(), person.firstName()}) {
      String folded = fold(name);
      if (codePoints(folded) < MIN_FRAGMENT_LENGTH) {
        continue;
      }
      addName(fragments, folded);
      for (String part : folded.split("[^\\p{L}\\p{N}]+")) {
        addName(fragments, part);
      }
    }
    String digits = digitsOf(person.phoneE164());
    if (digits.length() >= 7) {
      // the last seven digits also cover the last ten (the number without its country code)
      fragments.add(digits.substring(digits.length() - 7));
    }
    String local = emailLocalPart(person.email());
    if (codePoints(local) >= MIN_FRAGMENT_LENGTH) {
      fragments.add(local);
      for (String part : local.split("[._+\\-]+")) {
        boolean hasLetter = part.codePoints().anyMatch(Character::isLetter);
        if (hasLetter && codePoints(part) >= MIN_FRAGMENT_LENGTH) {
          fragments.add(part);
        }
      }
    }
    return fragments;
  }

  private static void addName(Set<String> fragments, String name) {
    if (codePoints(name) < MIN_FRAGMENT_LENGTH) {
      return;
    }
    fragments.add(name);
    if (name.chars().anyMatch(c -> c >= 'а' && c <= 'я')) {
      for (String variant :
          List.of(
              RussianLetters.transliterate(name, RussianLetters.ICAO),
              RussianLetters.transliterate(name, RussianLetters.COMMON_LATIN),
              RussianLetters.transliterate(name, RussianLetters.LATIN_KEYBOARD))) {
        if (codePoints(variant) >= MIN_FRAGMENT_LENGTH) {
          fragments.add(variant);
        }
      }
    }
  }

  /** What zxcvbn is told about the person, so that it rates passwords built from it as weak. */
  private static List<String> userInputs(PersonalData person, Set<String> fragments) {
    List<String> inputs = new ArrayList<>(fragments);
    String digits = digitsOf(person.phoneE164());
    if (!digits.isEmpty()) {
      inputs.add(digits);
      if (digits.length() > 10) {
        inputs.add(digits.substring(digits.length() - 10));
      }
    }
    if (person.email() != null && !person.email().isBlank()) {
      inputs.add(fold(person.email()));
    }
    return inputs;
  }

  /** Normalised for comparison: NFKC, trimmed, lower-cased, with ё read as е. */
  static String fold(String text) {
    if (text == null) {
      return "";
    }
    return Normalizer.normalize(text, Normalizer.Form.NFKC)
        .strip()
        .toLowerCase(Locale.ROOT)
        .replace('ё', 'е');
  }

  private static String digitsOf(String phone) {
    if (phone == null) {
      return "";
    }
    StringBuilder digits = new StringBuilder(phone.length());
    phone.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
    return digits.toString();
  }

  private static String emailLocalPart(String email) {
    String folded = fold(email);
    int at = folded.lastIndexOf('@');
    return at < 0 ? folded : folded.substring(0, at);
  }

  private static int codePoints(String text) {
    return text.codePointCount(0, text.length());
  }
}
