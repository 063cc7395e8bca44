package org.propusk.verification.internal.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One fictional citizen of the sandbox dataset ({@code sandbox/citizens.csv}), as both registries
 * know them: the pension fund by SNILS, the interior ministry by passport.
 *
 * <p>One CSV line per citizen, comma-separated without quoting: no field ever holds a comma or a
 * quote, so that the file stays greppable and needs no CSV library.
 *
 * @param patronymic null when the person has none (an empty field in the file)
 * @param gender {@code male} or {@code female}
 * @param snils 11 digits without separators
 * @param passportSeries 4 digits: the region's OKATO code and the last two digits of the year of
 *     issue
 * @param passportNumber 6 digits
 * @param divisionCode {@code NNN-NNN}
 */
public record SandboxCitizen(
    String lastName,
    String firstName,
    String patronymic,
    String gender,
    LocalDate birthDate,
    String birthPlace,
    String snils,
    String passportSeries,
    String passportNumber,
    LocalDate passportIssuedOn,
    String passportIssuer,
    String divisionCode) {

  /** The first line of the file. */
  public static final String CSV_HEADER =
      "lastName,firstName,patronymic,gender,birthDate,birthPlace,snils,passportSeries,"
          + "passportNumber,passportIssuedOn,passportIssuer,divisionCode";

  private static final int FIELDS = 12;

  public SandboxCitizen {
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(gender, "gender");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(birthPlace, "birthPlace");
    Objects.requireNonNull(snils, "snils");
    Objects.requireNonNull(passportSeries, "passportSeries");
    Objects.requireNonNull(passportNumber, "passportNumber");
    Objects.requireNonNull(passportIssuedOn, "passportIssuedOn");
    Objects.requireNonNull(passportIssuer, "passportIssuer");
    Objects.requireNonNull(divisionCode, "divisionCode");
    if (patronymic != null && patronymic.isEmpty()) {
      patronymic = null;
    }
  }

  /**
   * Reads one line of the file.
   *
   * @throws IllegalArgumentException if the line does not have the 12 fields or a date is not ISO
   */
  public static SandboxCitizen fromCsv(String line) {
    String[] f = line.split(",", -1);
    if (f.length != FIELDS) {
      throw new IllegalArgumentException("expected " + FIELDS + " fields, found " + f.length);
    }
    try {
      return new SandboxCitizen(
          f[0],
          f[1],
          f[2],
          f[3],
          LocalDate.parse(f[4]),
          f[5],
          f[6],
          f[7],
          f[8],
          LocalDate.parse(f[9]),
          f[10],
          f[11]);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("a date is not in the form yyyy-MM-dd", e);
    }
  }

  /** The line as written to the file, without the line break. */
  public String toCsv() {
    String[] f = {
      lastName,
      firstName,
      patronymic == null ? "" : patronymic,
      gender,
      birthDate.toString(),
      birthPlace,
      snils,
      passportSeries,
      passportNumber,
      passportIssuedOn.toString(),
      passportIssuer,
      divisionCode
    };
    for (String field : f) {
      if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0) {
        throw new IllegalArgumentException(
            "a sandbox field may not hold a comma, quote or line break");
      }
    }
    return String.join(",", f);
  }

  /** The key under which the interior ministry files the passport. */
  public String passportKey() {
    return passportSeries + passportNumber;
  }
}
