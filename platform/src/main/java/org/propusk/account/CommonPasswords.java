package org.propusk.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;

/**
 * The bundled blocklist of common and breached passwords ({@value #RESOURCE}, see the README
 * beside it for its source and licence), loaded once into memory. A lookup is an exact,
 * case-insensitive match.
 */
@Component
public class CommonPasswords {

  /** The classpath resource: gzip, UTF-8, one lower-cased password a line, most common first. */
  public static final String RESOURCE = "security/common-passwords.txt.gz";

  private final Set<String> passwords;

  /** Loads the bundled list from the classpath (about 0.3 s and 30 MB of heap). */
  public CommonPasswords() {
    this(RESOURCE);
  }

  CommonPasswords(String resource) {
    this.passwords = load(resource);
  }

  /** Whether the password, ignoring case, is on the list. */
  public boolean contains(String password) {
    return password != null && passwords.contains(key(password));
  }

  /** The number of distinct passwords on the list. */
  public int size() {
    return passwords.size();
  }

  /** The form in which passwords are compared: NFKC-normalised and lower-cased. */
  static String key(String password) {
    return Normalizer.normalize(password, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  private static Set<String> load(String resource) {
    ClassLoader loader = CommonPasswords.class.getClassLoader();
    try (InputStream raw = loader.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("Password blocklist not on the classpath: " + resource);
      }
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8),
              1 << 16);
      Set<String> set = new HashSet<>(700_000);
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isEmpty()) {
          set.add(key(line));
        }
      }
      return Set.copyOf(set);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read password blocklist " + resource, e);
    }
  }
}
