package org.propusk.verification.internal.registry;

import java.time.LocalDate;

/**
 * A check of the registration address (адрес регистрации) in the interior ministry's registration
 * records: the person, found by passport and matched by name and birth date, and the address as
 * typed.
 *
 * @param series 4 digits
 * @param number 6 digits
 * @param patronymic null when the person has none
 * @param region the two-digit code of the subject of the Federation
 * @param district null when none was given; likewise {@code street}, {@code building}, {@code flat}
 */
public record RegistrationQuery(
    String series,
    String number,
    String lastName,
    String firstName,
    String patronymic,
    LocalDate birthDate,
    String postalIndex,
    String region,
    String district,
    String settlement,
    String street,
    String house,
    String building,
    String flat) {

  @Override
  public String toString() {
    return "RegistrationQuery[***]"; // personal data never reaches a log
  }
}
