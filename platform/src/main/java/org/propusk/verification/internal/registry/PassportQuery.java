package org.propusk.verification.internal.registry;

import java.time.LocalDate;

/**
 * A passport check at the interior ministry.
 *
 * @param series 4 digits
 * @param number 6 digits
 * @param patronymic null when the person has none
 */
public record PassportQuery(
    String series,
    String number,
    LocalDate issuedOn,
    String divisionCode,
    String lastName,
    String firstName,
    String patronymic,
    LocalDate birthDate) {

  @Override
  public String toString() {
    return "PassportQuery[***]";
  }
}
