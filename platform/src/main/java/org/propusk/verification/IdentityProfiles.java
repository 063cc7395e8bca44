package org.propusk.verification;

import java.util.Optional;
import java.util.Set;
import org.propusk.identifiers.PassportNumber;
import org.propusk.identifiers.Snils;
import java.util.UUID;

/** The verification module's API. */
public interface IdentityProfiles {

  /** The profile of an account; empty fields when nothing was entered yet. */
  ProfileView profile(UUID accountId);

  /**
   * Checks the form's rules, stores it, and starts a registry check for every document whose data
   * changed (a verified document that changes is checked again, only with the form's {@code
   * confirmRecheck}).
   *
   * @param clientAddress where the citizen is, for the limits of "taken" answers
   * @throws org.propusk.shared.InvalidInput with every broken rule next to its field
   * @throws org.propusk.shared.Problem {@code recheck-not-confirmed} (409) when a verified document
   *     would be checked again without {@code confirmRecheck}
   * @throws org.propusk.shared.TooManyAttempts when newly entered documents were checked too often
   */
  ProfileView save(UUID accountId, ProfileForm form, String clientAddress);

  /** The account whose profile holds this SNILS (verified or not), found by its keyed hash. */
  Optional<UUID> findBySnils(Snils snils);

  /** The account whose profile holds this passport (verified or not), found by its keyed hash. */
  Optional<UUID> findByPassport(PassportNumber passport);

  /** The documents the registries have confirmed for this account. */
  Set<Document> verifiedDocuments(UUID accountId);
}
