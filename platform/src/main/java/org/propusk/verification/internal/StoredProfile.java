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

  @Override
  public String toString() {
    return "StoredProfile[" + accountId + "]";
  }
}
