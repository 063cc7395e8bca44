package org.propusk.verification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.propusk.identifiers.DivisionCode;
import org.propusk.identifiers.FreeText;
import org.propusk.identifiers.Parsed;
import org.propusk.identifiers.PassportNumber;
import org.propusk.identifiers.PersonName;
import org.propusk.identifiers.Snils;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Violation;
import org.propusk.verification.ProfileForm;
import org.propusk.shared.TextLimit;
import org.springframework.stereotype.Component;

/**
 * The formal checks of "Мои данные", before any registry is asked: identifier formats and control
 * sums (through the identifiers library), plausible dates (an adult; a passport issued after the
 * 14th birthday and not in the future), and complete document groups.
 */
@Component
class ProfileRules {

  static final int ADULT_AGE = 18;
  static final int PASSPORT_AGE = 14;
  static final Set<String> GENDERS = Set.of("male", "female");
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  /** Strict, so that 31.02.1990 is an error rather than quietly 28 February. */
  private static final DateTimeFormatter RUSSIAN_DATE =
      DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);

  private final Clock clock;

  ProfileRules(Clock clock) {
    this.clock = clock;
  }

  ValidProfile check(ProfileForm form) {
    List<Violation> violations = new ArrayList<>();
    LocalDate today = LocalDate.ofInstant(clock.instant(), MOSCOW);
    PersonName lastName = name(form.lastName(), "lastName", true, violations);
    PersonName firstName = name(form.firstName(), "firstName", true, violations);
    PersonName patronymic = name(form.patronymic(), "patronymic", false, violations);
    String gender = blank(form.gender()) ? null : FreeText.strip(form.gender()).toLowerCase(Locale.ROOT);
    if (gender == null) {
      violations.add(new Violation("gender", "required"));
    } else if (!GENDERS.contains(gender)) {
      violations.add(new Violation("gender", "invalid"));
    }
    LocalDate birthDate = date(form.birthDate(), "birthDate", true, violations);
    if (birthDate != null && birthDate.isAfter(today)) {
      violations.add(new Violation("birthDate", "in_future"));
      birthDate = null;
    } else if (birthDate != null && birthDate.plusYears(ADULT_AGE).isAfter(today)) {
      violations.add(new Violation("birthDate", "not_adult"));
    } else if (birthDate != null && birthDate.isBefore(today.minusYears(120))) {
      violations.add(new Violation("birthDate", "implausible"));
    }
    String birthPlace = text(form.birthPlace(), "birthPlace", true, TextLimit.BIRTH_PLACE.max(), violations);
    String citizenship = "other".equalsIgnoreCase(strip(form.citizenship())) ? "XX" : "RU";

    Snils snils = null;
    if (!blank(form.snils())) {
      snils = Violation.collect(Snils.parse(form.snils()), "snils", violations);
    }
    ValidProfile.Passport passport = null;
    ValidProfile.ForeignDocument foreign = null;
    if (citizenship.equals("RU")) {
      passport = passport(form, birthDate, today, violations);
    } else {
      foreign = foreignDocument(form, violations);
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    return new ValidProfile(
        lastName, firstName, patronymic, gender, birthDate, birthPlace, citizenship, snils, passport, foreign);
  }

  /** All passport fields or none; the issue date after the 14th birthday and not in the future. */
  private ValidProfile.Passport passport(
      ProfileForm form, LocalDate birthDate, LocalDate today, List<Violation> violations) {
    boolean any =
        !blank(form.passportSeries())
            || !blank(form.passportNumber())
            || !blank(form.passportIssuedOn())
            || !blank(form.passportIssuer())
            || !blank(form.divisionCode());
    if (!any) {
      return null;
    }
    PassportNumber number = null;
    if (blank(form.passportSeries())) {
      violations.add(new Violation("passportSeries", "required"));
    }
    if (blank(form.passportNumber())) {
      violations.add(new Violation("passportNumber", "required"));
    }
    if (!blank(form.passportSeries()) && !blank(form.passportNumber())) {
      Parsed<PassportNumber> parsed = PassportNumber.parse(form.passportSeries(), form.passportNumber());
      if (parsed instanceof Parsed.Invalid<PassportNumber> invalid) {
        violations.add(
            new Violation(invalid.code().equals("invalid_number") ? "passportNumber" : "passportSeries", invalid.code()));
      } else {
        number = parsed.value();
      }
    }
    LocalDate issuedOn = date(form.passportIssuedOn(), "passportIssuedOn", true, violations);
    if (issuedOn != null && issuedOn.isAfter(today)) {
      violations.add(new Violation("passportIssuedOn", "in_future"));
    } else if (issuedOn != null && birthDate != null && issuedOn.isBefore(birthDate.plusYears(PASSPORT_AGE))) {
      violations.add(new Violation("passportIssuedOn", "before_fourteen"));
    }
    String issuer = text(form.passportIssuer(), "passportIssuer", true, TextLimit.PASSPORT_ISSUER.max(), violations);
    DivisionCode division = null;
    if (blank(form.divisionCode())) {
      violations.add(new Violation("divisionCode", "required"));
    } else {
      division = Violation.collect(DivisionCode.parse(form.divisionCode()), "divisionCode", violations);
    }
    return new ValidProfile.Passport(number, issuedOn, issuer, division);
  }

  private ValidProfile.ForeignDocument foreignDocument(ProfileForm form, List<Violation> violations) {
    boolean any =
        !blank(form.foreignDocumentType()) || !blank(form.foreignDocumentNumber()) || !blank(form.foreignDocumentCountry());
    if (!any) {
      return null;
    }
    String type = text(form.foreignDocumentType(), "foreignDocumentType", true, TextLimit.FOREIGN_DOCUMENT_TYPE.max(), violations);
    String number =
        text(form.foreignDocumentNumber(), "foreignDocumentNumber", true, TextLimit.FOREIGN_DOCUMENT_NUMBER.max(), violations);
    if (number != null && !number.matches("[\\p{L}\\p{N} -]+")) {
      violations.add(new Violation("foreignDocumentNumber", "invalid"));
    }
    String country = text(form.foreignDocumentCountry(), "foreignDocumentCountry", true, TextLimit.FOREIGN_DOCUMENT_COUNTRY.max(), violations);
    return new ValidProfile.ForeignDocument(type, number, country);
  }

  private static PersonName name(String raw, String field, boolean required, List<Violation> violations) {
    if (blank(raw)) {
      if (required) {
        violations.add(new Violation(field, "required"));
      }
      return null;
    }
    return Violation.collect(PersonName.parse(raw), field, violations);
  }

  private static LocalDate date(String raw, String field, boolean required, List<Violation> violations) {
    if (blank(raw)) {
      if (required) {
        violations.add(new Violation(field, "required"));
      }
      return null;
    }
    String value = FreeText.strip(raw);
    try {
      return value.contains(".") ? LocalDate.parse(value, RUSSIAN_DATE) : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      violations.add(new Violation(field, "invalid_date"));
      return null;
    }
  }

  private static String text(
      String raw, String field, boolean required, int maxLength, List<Violation> violations) {
    if (blank(raw)) {
      if (required) {
        violations.add(new Violation(field, "required"));
      }
      return null;
    }
    FreeText text = Violation.collect(FreeText.parse(raw, maxLength), field, violations);
    return text == null ? null : text.value();
  }

  /** Empty after Unicode whitespace: a field of only no-break or ideographic spaces is empty. */
  private static boolean blank(String value) {
    return FreeText.isBlank(value);
  }

  private static String strip(String value) {
    return value == null ? "" : FreeText.strip(value);
  }
}
