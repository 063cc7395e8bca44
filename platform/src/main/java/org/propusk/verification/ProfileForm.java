package org.propusk.verification;

/**
 * "Мои данные" as typed, before the rules: dates as {@code yyyy-MM-dd} or {@code dd.MM.yyyy};
 * citizenship {@code RU} or {@code other} (then the foreign document instead of the passport);
 * {@code confirmRecheck} true once the citizen has agreed that a verified document is checked again
 * (and the level falls until then). {@code version} is the {@link ProfileView#version()} the edit
 * started from: a save from an older one is refused ({@link org.propusk.shared.ChangedMeanwhile}), so
 * that two tabs or clients do not silently overwrite each other; without it the save is not checked.
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
    Boolean confirmRecheck,
    Long version) {

  @Override
  public String toString() {
    return "ProfileForm[***]"; // personal data never reaches a log
  }
}
