package org.propusk.account;

import java.util.Optional;
import java.util.UUID;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.identifiers.Snils;

/** The account module's API. */
public interface Accounts {

  boolean isRegistered(Contact contact);

  /**
   * Checks a new password against the password policy for this person and hashes it. Called
   * outside any transaction: see {@link AcceptedPassword}.
   *
   * @throws org.propusk.shared.InvalidInput when the password breaks the password policy
   * @throws org.propusk.shared.Overloaded when no turn to hash comes in time
   */
  AcceptedPassword acceptPassword(String password, PasswordPolicy.PersonalData person);

  /**
   * The same for a new password of this account, against the account's own data.
   *
   * @throws org.propusk.shared.SessionEnded when the account is gone
   */
  AcceptedPassword acceptPassword(UUID accountId, String password);

  /**
   * Opens an account at the level its evidence gives, with its accepted password, recording the
   * consents.
   *
   * @throws ContactAlreadyRegistered when the contact belongs to an account, also when another
   *     registration of the same contact wins a race
   */
  UUID open(NewAccount account);

  /**
   * Opens an account for a visitor at a service centre, whose contact the operator proved there
   * with a code: no password signs in to it until the visitor sets one through password recovery
   * with that contact. {@code account.password()} must be {@code null}. Joins the caller's
   * transaction, so that a later step failing leaves no account.
   *
   * @throws ContactAlreadyRegistered as {@link #open}
   */
  UUID openInPerson(NewAccount account);

  /**
   * Gives a citizen who lost every contact a new one, proven at a service centre: the phone or
   * e-mail becomes this contact (confirmed now), the other contact is removed, every session ends
   * and the old contacts are told ({@link ContactsReplaced}). The citizen then sets a password by
   * recovery with the new contact. The caller checks the identity and the proof.
   *
   * @throws ContactAlreadyRegistered when the contact is another account's or reserved by a change
   */
  void replaceContact(UUID accountId, Contact contact);

  Optional<AccountSummary> find(UUID accountId);

  /** The account whose phone or e-mail this is (confirmed or not), e.g. for a service-centre operator's search. */
  Optional<UUID> findByContact(Contact contact);

  /**
   * The account whose login and password these are. Takes the same time whether or not the login
   * exists.
   */
  Optional<UUID> authenticate(LoginIdentifier login, String password);

  /**
   * The account a recovery for this login concerns, and its stored, confirmed contact to send the
   * code to (never what was typed): the phone or e-mail that was typed, for a SNILS the phone
   * before the e-mail. Digits that are a phone and a SNILS alike find the phone's account, else
   * the verified SNILS's.
   */
  Optional<RecoveryTarget> findForRecovery(LoginIdentifier login);

  /** The same for a known account, e.g. to send a new code: its e-mail when asked, else its phone. */
  Optional<RecoveryTarget> findForRecovery(UUID accountId, boolean byEmail);

  /** Sets a new password (see {@link #acceptPassword(UUID, String)}) and ends every session started before now. */
  void changePassword(UUID accountId, AcceptedPassword password);

  /**
   * Changes the password of a signed-in citizen who typed the current one; every session started
   * before now ends, and the owner is told. Wrong current passwords count against the account's
   * budget for password confirmations.
   *
   * @throws org.propusk.shared.InvalidInput for every field at once: {@code currentPassword}
   *     wrong, {@code password} against the policy, {@code passwordRepeat} not the same
   * @throws org.propusk.shared.TooManyAttempts after too many wrong current passwords
   */
  void changePassword(UUID accountId, String currentPassword, String password, String passwordRepeat);

  /**
   * Checks the password of a signed-in citizen who is asked for it again. Wrong ones count against
   * the account's budget for password confirmations.
   *
   * @throws org.propusk.shared.InvalidInput {@code password} wrong
   * @throws org.propusk.shared.TooManyAttempts after too many wrong ones
   */
  void confirmPassword(UUID accountId, String password);

  /** Rates a candidate new password against the policy and the account's own data. */
  PasswordAssessment assessPassword(UUID accountId, String password);

  /**
   * Records that a piece of evidence is now held or no longer held (e.g. a registry verified the
   * SNILS, or the verified passport was replaced). The level follows; a change is announced with
   * {@link LevelChanged}.
   */
  void recordEvidence(UUID accountId, Evidence evidence, boolean held);

  /**
   * Records that a registry verified this SNILS for the account: evidence, and a login for sign-in
   * and recovery from now on. {@code recordEvidence(accountId, VERIFIED_SNILS, false)} ends both.
   */
  void recordVerifiedSnils(UUID accountId, Snils snils);

  /**
   * Records a proof of identity: evidence which, with the verified SNILS and passport, makes the
   * account Confirmed (the level follows from the evidence: a proof recorded while a document is
   * still being checked takes effect once it is verified). Announced with {@link
   * IdentityConfirmed} and, when the level changes, {@link LevelChanged}. The caller checks that
   * its method's conditions hold (a verified profile to compare with, the right code, a matching
   * certificate).
   *
   * @param source where the proof came from, as the citizen's history shows it (no personal data)
   */
  void recordIdentityProof(UUID accountId, IdentityProofMethod method, String source);

  /** The names as the citizen's documents give them, from the profile. */
  void rename(UUID accountId, String lastName, String firstName);

  /**
   * Deletes the account at its owner's request, in one transaction: its names, contacts, password
   * hash, SNILS login, consents and contact changes are gone, so that the phone, e-mail and SNILS
   * are free for a new registration; {@link AccountDeleted} tells the other modules to remove
   * theirs. Re-authentication is the caller's to require. Deleting an account that is already
   * gone does nothing.
   *
   * @param locale the language to tell the owner in
   */
  void delete(UUID accountId, java.util.Locale locale);

  /** The account's standing for its sessions; empty when the account no longer exists. */
  Optional<SessionStanding> sessionStanding(UUID accountId);
}
