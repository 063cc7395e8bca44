package org.propusk.operator.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.propusk.account.Accounts;
import org.propusk.account.IdentityProofMethod;
import org.propusk.account.NewAccount;
import org.propusk.operator.OperatorAction;
import org.propusk.operator.OperatorActed;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Occurrence;
import org.propusk.verification.IdentityProfiles;
import org.propusk.verification.ProfileForm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a visitor on the spot: the contact proven at the desk, the data the operator typed
 * from the documents in hand. The account, the profile (whose registry checks start) and the proof
 * of identity are written in one transaction, so that a refusal midway (a taken SNILS, passport or
 * contact, a field against the rules) leaves nothing. The account is Confirmed once the registry
 * checks verify SNILS and passport; the visitor sets the password by recovery with the contact.
 */
@Service
class VisitorRegistration {

  private final OperatorConsole console;
  private final ContactProofs proofs;
  private final Accounts accounts;
  private final IdentityProfiles profiles;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final String termsVersion;
  private final String privacyVersion;

  VisitorRegistration(
      OperatorConsole console,
      ContactProofs proofs,
      Accounts accounts,
      IdentityProfiles profiles,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${propusk.legal.terms-version}") String termsVersion,
      @Value("${propusk.legal.privacy-version}") String privacyVersion) {
    this.console = console;
    this.proofs = proofs;
    this.accounts = accounts;
    this.profiles = profiles;
    this.events = events;
    this.clock = clock;
    this.termsVersion = termsVersion;
    this.privacyVersion = privacyVersion;
  }

  /**
   * Opens the visitor's account.
   *
   * @param consented the visitor accepted the terms and the privacy policy at the desk
   * @throws InvalidInput {@code consented} unticked, or the profile's fields against the rules
   * @throws ContactProofs.NotFound, ContactProofs.NotProven for a contact not proven by this operator
   * @throws org.propusk.account.ContactAlreadyRegistered when the contact has an account
   * @throws org.propusk.shared.Problem a SNILS or passport of another account, as in "Мои данные"
   */
  @Transactional
  UUID register(UUID operatorId, UUID proofId, ProfileForm form, boolean consented, String clientAddress) {
    ServiceCentre centre = console.centreOf(operatorId);
    if (!consented) {
      throw new InvalidInput("consented", "required");
    }
    ContactProof proof = proofs.proven(operatorId, proofId);
    Instant now = clock.instant();
    UUID accountId =
        accounts.openInPerson(
            new NewAccount(
                form.lastName(),
                form.firstName(),
                proof.contact(),
                proof.provenAt(),
                null,
                List.of(
                    new NewAccount.ConsentRecord("terms", termsVersion, now),
                    new NewAccount.ConsentRecord("privacy", privacyVersion, now)),
                clientAddress));
    // the profile's rules and the "taken" checks run here; a refusal rolls the account back
    profiles.save(accountId, form, clientAddress);
    accounts.recordIdentityProof(accountId, IdentityProofMethod.SERVICE_CENTRE, centre.name());
    events.publishEvent(
        new OperatorActed(
            operatorId, centre.code(), centre.name(), OperatorAction.VISITOR_REGISTERED, accountId, "", Occurrence.at(now)));
    return accountId;
  }
}
