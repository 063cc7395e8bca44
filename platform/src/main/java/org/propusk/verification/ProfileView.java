package org.propusk.verification;

import java.time.LocalDate;

/**
 * "Мои данные" as stored, for the citizen's own eyes, with each document's check; {@code version}
 * counts the saves (0 before the first), for the next save to name.
 */
public record ProfileView(
    String lastName,
    String firstName,
    String patronymic,
    String gender,
    LocalDate birthDate,
    String birthPlace,
    String citizenship,
    String snils,
    String passportSeries,
    String passportNumber,
    LocalDate passportIssuedOn,
    String passportIssuer,
    String divisionCode,
    String foreignDocumentType,
    String foreignDocumentNumber,
    String foreignDocumentCountry,
    DocumentStatus snilsStatus,
    DocumentStatus passportStatus,
    long version) {

  @Override
  public String toString() {
    return "ProfileView[***]";
  }
}
