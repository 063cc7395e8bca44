package org.propusk.verification;

/**
 * "Мои данные" as typed, before the rules: dates as {@code yyyy-MM-dd} or {@code dd.MM.yyyy};
 * citizenship {@code RU} or {@code other} (then the foreign document instead of the passport);
 * {@code confirmRecheck} true once the citizen has agreed that a verified document is checked again
 * (and the level falls until then).
 */
public record ProfileForm(
    String lastName,
    String firstName,
    String patronymic,
    String gender,
    String birthDate,
    String birthPlace,
    String citizenship,
    String snils,
    String passportSeries,
    String passportNumber,
    String passportIssuedOn,
    String passportIssuer,
    String divisionCode,
    String foreignDocumentType,
    String foreignDocumentNumber,
    String foreignDocumentCountry,
    Boolean confirmRecheck) {

  @Override
  public String toString() {
    return "ProfileForm[***]"; // personal data never reaches a log
  }
}
