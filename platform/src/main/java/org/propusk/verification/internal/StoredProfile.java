package org.propusk.verification.internal;

import java.time.LocalDate;
import java.util.UUID;

/** A row of identity_profile: document numbers only sealed, with their lookup hashes. */
record StoredProfile(
    UUID accountId,
    String lastName,
    String firstName,
    String patronymic,
    String gender,
    LocalDate birthDate,
    String birthPlace,
    String citizenship,
    String snilsSealed,
    String snilsLookup,
    String passportSealed,
    String passportLookup,
    LocalDate passportIssuedOn,
    String passportIssuer,
    String passportDivision,
    String foreignDocType,
    String foreignDocSealed,
    String foreignDocCountry,
    long version) {

  StoredProfile withoutSnils() {
    return new StoredProfile(
        accountId, lastName, firstName, patronymic, gender, birthDate, birthPlace, citizenship, null,
        null, passportSealed, passportLookup, passportIssuedOn, passportIssuer, passportDivision,
        foreignDocType, foreignDocSealed, foreignDocCountry, version);
  }

  StoredProfile withoutPassport() {
    return new StoredProfile(
        accountId, lastName, firstName, patronymic, gender, birthDate, birthPlace, citizenship,
        snilsSealed, snilsLookup, null, null, null, null, null, foreignDocType, foreignDocSealed,
        foreignDocCountry, version);
  }

  @Override
  public String toString() {
    return "StoredProfile[" + accountId + "]";
  }
}
