package org.propusk.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;

/**
 * The bundled blocklists (see the README beside them for their sources and licences), loaded once
 * into memory: common and breached passwords ({@value #RESOURCE}), and Russian common passwords
 * and the words they are built from ({@value #RUSSIAN_RESOURCE}). A password is on the lists when,
 * ignoring case and read on either keyboard layout, it is a listed password, or a Russian word
 * (also in Latin letters) with at most a common ending such as {@code 123}, a year or {@code !}.
 */
@Component
public class CommonPasswords {

  /** The classpath resource: gzip, UTF-8, one lower-cased password a line, most common first. */
  public static final String RESOURCE = "security/common-passwords.txt.gz";

  /** The classpath resource: UTF-8, one lower-cased word a line, {@code #} comments. */
  public static final String RUSSIAN_RESOURCE = "security/russian-passwords.txt";

  /** A word, then up to four digits or a run such as 123456, then up to three symbols. */
  private static final Pattern COMMON_ENDING = Pattern.compile("(.*\\p{L})(\\p{N}*)[^\\p{L}\\p{N}]{0,3}");

  private static final String DIGIT_RUNS = "12345678901234567890 09876543210987654321";

  private final FrontCodedStrings passwords;
  private final List<String> russianWords;
  private final Set<String> russian;

  /** Loads the bundled lists from the classpath; the large one is kept front-coded, in about 2 MiB. */
  public CommonPasswords() {
    this.passwords = load(RESOURCE);
    this.russianWords = loadWords(RUSSIAN_RESOURCE);
    Set<String> spellings = new HashSet<>(russianWords);
    for (String word : russianWords) {
      spellings.add(RussianLetters.transliterate(word, RussianLetters.COMMON_LATIN));
      spellings.add(RussianLetters.transliterate(word, RussianLetters.ICAO));
    }
    this.russian = Set.copyOf(spellings);
  }

  /** Whether the password, ignoring case and keyboard layout, is on the lists. */
  public boolean contains(String password) {
    if (password == null) {
      return false;
    }
    String key = key(password);
    List<String> typed = new ArrayList<>(RussianLetters.otherLayouts(key));
    typed.add(key);
    for (String candidate : typed) {
      if (passwords.contains(candidate)
          || russian.contains(candidate)
          || russian.contains(withoutCommonEnding(candidate))) {
        return true;
      }
    }
    return false;
  }

  /** The number of distinct passwords on the list of common and breached ones. */
  public int size() {
    return passwords.size();
  }

  /** The Russian words, most common kinds first, for the strength estimate's dictionary. */
  public List<String> russianWords() {
    return russianWords;
  }

  /** The form in which passwords are compared: NFKC-normalised, lower-cased, ё read as е. */
  static String key(String password) {
    return Normalizer.normalize(password, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('ё', 'е');
  }

  private static String withoutCommonEnding(String password) {
    Matcher ending = COMMON_ENDING.matcher(password);
    if (!ending.matches()) {
      return password;
    }
    String digits = ending.group(2);
    return digits.length() <= 4 || DIGIT_RUNS.contains(digits) || digits.chars().distinct().count() == 1
        ? ending.group(1)
        : password;
  }

  private static List<String> loadWords(String resource) {
    try (InputStream raw = CommonPasswords.class.getClassLoader().getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("Password blocklist not on the classpath: " + resource);
      }
      return new String(raw.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(CommonPasswords::key)
          .distinct()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read password blocklist " + resource, e);
    }
  }

  private static FrontCodedStrings load(String resource) {
    ClassLoader loader = CommonPasswords.class.getClassLoader();
    try (InputStream raw = loader.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("Password blocklist not on the classpath: " + resource);
      }
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8),
              1 << 16);
      List<String> keys = new ArrayList<>(600_000);
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isEmpty()) {
          keys.add(key(line));
        }
      }
      return FrontCodedStrings.of(keys);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read password blocklist " + resource, e);
    }
  }
}
