package org.propusk.identifiers;

import java.net.IDN;
import java.util.Locale;

/**
 * An e-mail address that is syntactically deliverable in practice.
 *
 * <p>This deliberately accepts less than RFC 5322 (no quoted local parts, comments or IP-literal
 * domains) because such addresses are almost never real and other systems often reject them; only
 * sending a confirmation link proves that an address works. The local part is kept exactly as typed
 * because some servers treat it case-sensitively; the domain is lower-cased because domains are
 * case-insensitive and we look accounts up by address. Domains may contain Unicode letters so that
 * addresses in the {@code .рф} zone can be typed as people see them, but a label may not mix scripts
 * ({@code mixed_scripts}).
 *
 * @param value the trimmed address with a lower-cased domain
 */
public record EmailAddress(String value) {

  /** Longest address that fits in an SMTP forward path (RFC 5321 section 4.5.3.1.3). */
  public static final int MAX_LENGTH = 254;

  private static final int MAX_LOCAL_LENGTH = 64;
  private static final int MAX_LABEL_LENGTH = 63;
  private static final String ATEXT_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";

  /** Rejects anything {@link #parse} would not produce, so every instance is valid. */
  public EmailAddress {
    if (value == null) {
      throw new IllegalArgumentException("e-mail address must not be null");
    }
    Parsed<String> checked = check(value);
    if (!checked.isValid() || !checked.value().equals(value)) {
      throw new IllegalArgumentException(
          "not a normalised e-mail address: " + checked.violation().orElse("not_normalised"));
    }
  }

  /** Parses user input; never throws. */
  public static Parsed<EmailAddress> parse(String raw) {
    if (raw == null) {
      return new Parsed.Invalid<>("required");
    }
    return switch (check(raw)) {
      case Parsed.Valid<String>(String address) -> new Parsed.Valid<>(new EmailAddress(address));
      case Parsed.Invalid<String>(String code) -> new Parsed.Invalid<>(code);
    };
  }

  /** The part before the {@code @}, as typed. */
  public String localPart() {
    return value.substring(0, value.lastIndexOf('@'));
  }

  /** The lower-cased part after the {@code @}. */
  public String domain() {
    return value.substring(value.lastIndexOf('@') + 1);
  }

  /**
   * The address with most of the local part hidden, for example {@code iv***@mail.ru}, for messages
   * that may reach someone other than the owner. The domain stays visible because it helps people
   * recognise which of their mailboxes is meant and identifies nobody on its own.
   */
  public String masked() {
    String local = localPart();
    int visible = local.length() <= 2 ? 1 : 2;
    return local.substring(0, visible) + "***@" + domain();
  }

  private static Parsed<String> check(String raw) {
    String address = Text.strip(raw);
    if (address.isEmpty()) {
      return new Parsed.Invalid<>("required");
    }
    if (address.length() > MAX_LENGTH) {
      return new Parsed.Invalid<>("too_long");
    }
    int at = address.indexOf('@');
    if (at < 0 || at != address.lastIndexOf('@')) {
      return new Parsed.Invalid<>("invalid");
    }
    String local = address.substring(0, at);
    String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
    if (!isValidLocalPart(local) || !isValidDomain(domain)) {
      return new Parsed.Invalid<>("invalid");
    }
    if (mixesScripts(domain)) {
      return new Parsed.Invalid<>("mixed_scripts");
    }
    String normalised = local + '@' + domain;
    // Lower-casing may lengthen the string (İ becomes i plus a combining dot), so check again.
    if (normalised.length() > MAX_LENGTH) {
      return new Parsed.Invalid<>("too_long");
    }
    return new Parsed.Valid<>(normalised);
  }

  /** RFC 5322 dot-atom: atext runs separated by single dots. */
  private static boolean isValidLocalPart(String local) {
    if (local.isEmpty() || local.length() > MAX_LOCAL_LENGTH) {
      return false;
    }
    if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      return false;
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      boolean atext = isAsciiLetterOrDigit(c) || c == '.' || ATEXT_SYMBOLS.indexOf(c) >= 0;
      if (!atext) {
        return false;
      }
    }
    return true;
  }

  private static boolean isValidDomain(String domain) {
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!isValidLabel(label)) {
        return false;
      }
    }
    return isValidTopLevelDomain(labels[labels.length - 1]);
  }

  private static boolean isValidLabel(String label) {
    if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
      return false;
    }
    if (label.startsWith("-") || label.endsWith("-")) {
      return false;
    }
    return label
        .codePoints()
        .allMatch(
            c -> c == '-' || (c < 128 ? isAsciiLetterOrDigit((char) c) : Character.isLetter(c)));
  }

  /**
   * True when a label of the domain mixes writing systems, such as a Cyrillic "а" in {@code
   * gmаil.com}: a look-alike of a real domain that would receive the codes and letters meant for
   * it. Each label may use one script (Latin, Cyrillic, ...) plus digits and hyphens; punycode
   * labels are judged by what they decode to.
   */
  /**
   * Scripts that one Japanese word mixes (kanji with kana), counted as one, as Unicode's "highly
   * restrictive" identifier profile (UTS #39) allows.
   */
  private static final java.util.Set<Character.UnicodeScript> JAPANESE =
      java.util.EnumSet.of(
          Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA);

  private static boolean mixesScripts(String domain) {
    for (String label : domain.split("\\.")) {
      // toUnicode never fails: a label that does not decode stays as it is, all ASCII
      String shown = IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED);
      Character.UnicodeScript script = null;
      for (int c : shown.codePoints().toArray()) {
        Character.UnicodeScript of = Character.UnicodeScript.of(c);
        if (of == Character.UnicodeScript.COMMON || of == Character.UnicodeScript.INHERITED) {
          continue;
        }
        of = JAPANESE.contains(of) ? Character.UnicodeScript.HAN : of;
        if (script != null && script != of) {
          return true;
        }
        script = of;
      }
    }
    return false;
  }

  /**
   * A top-level domain is at least two letters, or the ASCII (punycode) form of an
   * internationalised one such as {@code xn--p1ai} for {@code .рф}.
   */
  private static boolean isValidTopLevelDomain(String tld) {
    if (tld.startsWith("xn--")) {
      return tld.length() > 4;
    }
    return tld.length() >= 2 && tld.codePoints().allMatch(Character::isLetter);
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
