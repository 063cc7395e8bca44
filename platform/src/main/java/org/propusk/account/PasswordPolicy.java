package org.propusk.account;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The password rules (NIST SP 800-63B-4, OWASP ASVS 5): at least 8 and at most 128 Unicode code
 * points, no composition rules, not on the bundled list of common and breached passwords, not
 * containing the person's own data, and strong enough by zxcvbn's estimate unless it is a
 * passphrase of 64 code points or more. Cheap enough to be called as the user types.
 */
@Component
public class PasswordPolicy {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  /** From this length on the strength estimate is skipped (the list and own data still apply). */
  public static final int PASSPHRASE_LENGTH = 64;

  /** The lowest acceptable zxcvbn score. */
  public static final int MIN_SCORE = 3;

  /** Names and e-mail names shorter than this are not looked for in the password. */
  static final int MIN_FRAGMENT_LENGTH = 3;

  /** At most this many code points are given to zxcvbn, which is slow on long input. */
  static final int MAX_ESTIMATED_LENGTH = 100;

  private final CommonPasswords commonPasswords;
  private final Zxcvbn zxcvbn = new Zxcvbn(); // thread-safe, holds only its dictionaries

  public PasswordPolicy(CommonPasswords commonPasswords) {
    this.commonPasswords = commonPasswords;
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
    int score = 4;
    if (length < PASSPHRASE_LENGTH) {
      score = estimate(typed, userInputs(own, fragments));
      if (score < MIN_SCORE) {
        violations.add(PasswordAssessment.TOO_WEAK);
      }
    }
    return PasswordAssessment.of(score, violations);
  }

  private int estimate(String password, List<String> userInputs) {
    if (password.isEmpty()) {
      return 0;
    }
    int length = password.codePointCount(0, password.length());
    String estimated =
        length <= MAX_ESTIMATED_LENGTH
            ? password
            : password.substring(0, password.offsetByCodePoints(0, MAX_ESTIMATED_LENGTH));
    return zxcvbn.measure(estimated, userInputs).getScore();
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
              transliterate(name, ICAO),
              transliterate(name, COMMON_LATIN),
              transliterate(name, LATIN_KEYBOARD))) {
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

  private static String transliterate(String text, Map<Character, String> table) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(table.getOrDefault(c, String.valueOf(c)));
    }
    return out.toString();
  }

  /** Russian passports' transliteration (ICAO Doc 9303), e.g. Юлия Андреевна → iuliia andreevna. */
  private static final Map<Character, String> ICAO =
      cyrillicTable(
          "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
          "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia");

  /** The spelling people commonly use, e.g. Юлия Андрей → yuliya andrey. */
  private static final Map<Character, String> COMMON_LATIN =
      cyrillicTable(
          "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
          "t", "u", "f", "h", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya");

  /** The keys of the Russian ЙЦУКЕН layout on a Latin keyboard, e.g. Иванов → bdfyjd. */
  private static final Map<Character, String> LATIN_KEYBOARD =
      cyrillicTable(
          "f", ",", "d", "u", "l", "t", ";", "p", "b", "q", "r", "k", "v", "y", "j", "g", "h", "c",
          "n", "e", "a", "[", "w", "x", "i", "o", "]", "s", "m", "'", ".", "z");

  /** A table for the 32 lower-case letters а..я (ё is folded to е before). */
  private static Map<Character, String> cyrillicTable(String... latin) {
    if (latin.length != 32) {
      throw new IllegalArgumentException("32 letters а..я expected, got " + latin.length);
    }
    Map<Character, String> table = new HashMap<>();
    for (int i = 0; i < latin.length; i++) {
      table.put((char) ('а' + i), latin[i]);
    }
    return Map.copyOf(table);
  }
}
