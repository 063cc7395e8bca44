package org.propusk.federation.internal.claims;

import java.util.UUID;
import org.propusk.account.AccountSummary;
import org.propusk.verification.CheckState;
import org.propusk.verification.ProfileView;

/**
 * What Propusk holds about a citizen at this moment, from the account and verification modules'
 * APIs: the source of every claim value and of the consent page's values.
 */
public record CitizenData(UUID accountId, AccountSummary account, ProfileView profile) {

  boolean snilsVerified() {
    return profile.snilsStatus() != null && profile.snilsStatus().state() == CheckState.VERIFIED;
  }

  boolean passportVerified() {
    return profile.passportStatus() != null && profile.passportStatus().state() == CheckState.VERIFIED;
  }

  /** A registry matched the names and the birth date with a document (SFR for SNILS, MVD for the passport). */
  boolean namesVerified() {
    return snilsVerified() || passportVerified();
  }

  String lastName() {
    return present(profile.lastName()) ? profile.lastName() : account.lastName();
  }

  String firstName() {
    return present(profile.firstName()) ? profile.firstName() : account.firstName();
  }

  String middleName() {
    return present(profile.patronymic()) ? profile.patronymic() : null;
  }

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  @Override
  public String toString() {
    return "CitizenData[" + accountId + "]";
  }
}
