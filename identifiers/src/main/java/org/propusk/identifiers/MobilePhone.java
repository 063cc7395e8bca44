package org.propusk.identifiers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A Russian mobile number, the only kind we can send confirmation codes to by SMS.
 *
 * <p>Parsing delegates to libphonenumber because numbering plans change (new 9xx ranges are
 * allocated) and its metadata tracks that; we only add that the number must be Russian, mobile, and
 * typed with nothing but digits and the usual punctuation. Letters are rejected even though
 * libphonenumber would accept vanity numbers and "ext." suffixes, because in a phone field they are
 * a mistake, not a number.
 *
 * @param e164 the number in E.164 form, for example {@code +79123456789}
 */
public record MobilePhone(String e164) {

  private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
  private static final String REGION = "RU";

  /** Longer input is not a phone number and is not worth handing to libphonenumber. */
  private static final int MAX_INPUT_LENGTH = 40;

  /** Rejects anything that is not the E.164 form of a Russian mobile number. */
  public MobilePhone {
    if (e164 == null || !e164.startsWith("+7") || !Text.isAsciiDigits(e164.substring(2), 10)) {
      throw new IllegalArgumentException("not an E.164 Russian number");
    }
    Parsed<String> checked = check(e164);
    if (!checked.isValid() || !checked.value().equals(e164)) {
      throw new IllegalArgumentException("not a Russian mobile number: " + checked.violation());
    }
  }

  /**
   * Parses user input such as {@code 8 912 345-67-89} or {@code +7 (912) 345-67-89}; never throws.
   */
  public static Parsed<MobilePhone> parse(String raw) {
    if (Text.isBlank(raw)) {
      return new Parsed.Invalid<>("required");
    }
    return switch (check(Text.strip(raw))) {
      case Parsed.Valid<String>(String e164) -> new Parsed.Valid<>(new MobilePhone(e164));
      case Parsed.Invalid<String>(String code) -> new Parsed.Invalid<>(code);
    };
  }

  /** Formatted for display, for example {@code +7 (912) 345-67-89}. */
  public String display() {
    return "+7 (%s) %s-%s-%s"
        .formatted(
            e164.substring(2, 5),
            e164.substring(5, 8),
            e164.substring(8, 10),
            e164.substring(10, 12));
  }

  /**
   * Formatted with the subscriber digits hidden, for example {@code +7 (912) ***-**-89}, for
   * messages that may reach someone other than the owner ("we sent a code to ...").
   */
  public String masked() {
    return "+7 (%s) ***-**-%s".formatted(e164.substring(2, 5), e164.substring(10, 12));
  }

  /** Validates stripped, non-blank input and returns its E.164 form or a violation code. */
  private static Parsed<String> check(String input) {
    if (input.length() > MAX_INPUT_LENGTH) {
      return new Parsed.Invalid<>("invalid");
    }
    // Spaces of every kind become plain spaces: libphonenumber does not know tabs or U+202F.
    StringBuilder cleaned = new StringBuilder(input.length());
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (Text.isSpace(c)) {
        cleaned.append(' ');
      } else if ((c >= '0' && c <= '9') || "+()-.".indexOf(c) >= 0) {
        cleaned.append(c);
      } else {
        return new Parsed.Invalid<>("invalid");
      }
    }
    PhoneNumber number;
    try {
      number = PHONE_NUMBERS.parse(cleaned.toString(), REGION);
    } catch (NumberParseException e) {
      return new Parsed.Invalid<>("invalid");
    }
    if (number.hasExtension() || !PHONE_NUMBERS.isValidNumberForRegion(number, REGION)) {
      return new Parsed.Invalid<>("invalid");
    }
    PhoneNumberType type = PHONE_NUMBERS.getNumberType(number);
    if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
      return new Parsed.Invalid<>("not_mobile");
    }
    String e164 = PHONE_NUMBERS.format(number, PhoneNumberFormat.E164);
    // display() and masked() rely on the +7 plus ten digits shape that all RU numbers have.
    if (!e164.startsWith("+7") || !Text.isAsciiDigits(e164.substring(2), 10)) {
      return new Parsed.Invalid<>("invalid");
    }
    return new Parsed.Valid<>(e164);
  }
}
