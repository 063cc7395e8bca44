package org.propusk.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How Russian words turn up in Latin letters: transliterated (by passport rules or as people
 * spell them) and typed with the keyboard on the other layout ({@code пароль} = {@code gfhjkm},
 * {@code qwerty} = {@code йцукен}). Works on lower-case text with ё already read as е.
 */
final class RussianLetters {

  private RussianLetters() {}

  /** Russian passports' transliteration (ICAO Doc 9303), e.g. Юлия Андреевна → iuliia andreevna. */
  static final Map<Character, String> ICAO =
      cyrillicTable(
          "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
          "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia");

  /** The spelling people commonly use, e.g. Юлия Андрей → yuliya andrey. */
  static final Map<Character, String> COMMON_LATIN =
      cyrillicTable(
          "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
          "t", "u", "f", "h", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya");

  /** The keys of the Russian ЙЦУКЕН layout on a Latin keyboard, e.g. Иванов → bdfyjd. */
  static final Map<Character, String> LATIN_KEYBOARD =
      cyrillicTable(
          "f", ",", "d", "u", "l", "t", ";", "p", "b", "q", "r", "k", "v", "y", "j", "g", "h", "c",
          "n", "e", "a", "[", "w", "x", "i", "o", "]", "s", "m", "'", ".", "z");

  /** The other way round: what a Latin key gives on the Russian layout, e.g. gfhjkm → пароль. */
  private static final Map<Character, String> RUSSIAN_KEYBOARD = reverse(LATIN_KEYBOARD);

  static String transliterate(String text, Map<Character, String> table) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(table.getOrDefault(c, String.valueOf(c)));
    }
    return out.toString();
  }

  /**
   * What the same keys give on the other layout: Cyrillic letters as Latin keys when there are
   * any, Latin letters as Cyrillic ones when there are any.
   */
  static List<String> otherLayouts(String text) {
    List<String> variants = new ArrayList<>(2);
    if (text.chars().anyMatch(c -> c >= 'а' && c <= 'я')) {
      variants.add(transliterate(text, LATIN_KEYBOARD));
    }
    if (text.chars().anyMatch(c -> c >= 'a' && c <= 'z')) {
      variants.add(transliterate(text, RUSSIAN_KEYBOARD));
    }
    return variants;
  }

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

  private static Map<Character, String> reverse(Map<Character, String> keys) {
    Map<Character, String> reversed = new HashMap<>();
    keys.forEach((letter, key) -> reversed.put(key.charAt(0), String.valueOf(letter)));
    return Map.copyOf(reversed);
  }
}
