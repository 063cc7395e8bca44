package org.propusk.verification.internal.registry;

import java.time.LocalDate;

/**
 * A SNILS check at the pension fund: the number with the person's full name and date of birth.
 *
 * @param snils 11 digits
 * @param patronymic null when the person has none
 */
public record SnilsQuery(
    String snils, String lastName, String firstName, String patronymic, LocalDate birthDate) {

  @Override
  public String toString() {
    return "SnilsQuery[***]"; // personal data never reaches a log
  }
}
