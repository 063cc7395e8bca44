package org.propusk.operator.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.propusk.account.AccountLevel;
import org.propusk.account.IdentityProof;
import org.propusk.verification.CheckState;

/**
 * What an operator sees of a citizen found: enough to compare with the passport in hand and no more
 * (no contacts, no full numbers, no addresses).
 *
 * @param snilsEnding the last four digits of the SNILS, e.g. {@code 45 95}; null when none entered
 * @param passportEnding the series and the last two digits of the number, e.g. {@code 45 08 ••••12}
 */
record CitizenCard(
    UUID accountId,
    String lastName,
    String firstName,
    String patronymic,
    LocalDate birthDate,
    String snilsEnding,
    CheckState snilsState,
    String passportEnding,
    CheckState passportState,
    AccountLevel level,
    IdentityProof identityProof) {

  @Override
  public String toString() {
    return "CitizenCard[" + accountId + "]";
  }
}
