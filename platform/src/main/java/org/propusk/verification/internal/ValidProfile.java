package org.propusk.verification.internal;

import java.time.LocalDate;
import org.propusk.identifiers.DivisionCode;
import org.propusk.identifiers.PassportNumber;
import org.propusk.identifiers.PersonName;
import org.propusk.identifiers.Snils;

/**
 * A profile that passed every formal rule. Documents are null when not entered; a Russian citizen
 * has a passport, a foreign citizen a foreign document instead.
 */
record ValidProfile(
    PersonName lastName,
    PersonName firstName,
    PersonName patronymic,
    String gender,
    LocalDate birthDate,
    String birthPlace,
    String citizenship,
    Snils snils,
    Passport passport,
    ForeignDocument foreignDocument) {

  record Passport(PassportNumber number, LocalDate issuedOn, String issuer, DivisionCode division) {}

  record ForeignDocument(String type, String number, String country) {}

  @Override
  public String toString() {
    return "ValidProfile[***]";
  }
}
