package org.propusk.operator.internal;

import java.time.Clock;
import java.util.UUID;
import org.propusk.account.AccountLevel;
import org.propusk.account.AccountSummary;
import org.propusk.account.Accounts;
import org.propusk.operator.OperatorAction;
import org.propusk.operator.OperatorActed;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Occurrence;
import org.propusk.shared.Problem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a Confirmed citizen who lost every contact a new one at the desk: the passport compared
 * with the verified profile, the new phone or e-mail proven with a code ({@link ContactProofs}).
 * The citizen then sets a password by recovery with it. Only Confirmed: the passport in hand is
 * worth as much as the identity proven before; anyone else recovers online or confirms first.
 */
@Service
class ContactReplacement {

  private final OperatorConsole console;
  private final ContactProofs proofs;
  private final Accounts accounts;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ContactReplacement(
      OperatorConsole console, ContactProofs proofs, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
    this.console = console;
    this.proofs = proofs;
    this.accounts = accounts;
    this.events = events;
    this.clock = clock;
  }

  /**
   * @throws InvalidInput {@code passportMatches} when the operator did not tick it
   * @throws NotConfirmed for a citizen below Confirmed
   * @throws ContactProofs.NotFound, ContactProofs.NotProven for a contact not proven by this operator
   * @throws org.propusk.account.ContactAlreadyRegistered when the contact is another account's
   */
  @Transactional
  void replace(UUID operatorId, UUID citizenId, UUID proofId, boolean passportMatches) {
    ServiceCentre centre = console.centreOf(operatorId);
    AccountSummary account = accounts.find(citizenId).orElseThrow(OperatorConsole.UnknownCitizen::new);
    if (account.level().level() != AccountLevel.CONFIRMED) {
      throw new NotConfirmed();
    }
    if (!passportMatches) {
      throw new InvalidInput("passportMatches", "required");
    }
    ContactProof proof = proofs.proven(operatorId, proofId);
    accounts.replaceContact(citizenId, proof.contact());
    events.publishEvent(
        new OperatorActed(
            operatorId,
            centre.code(),
            centre.name(),
            OperatorAction.CONTACT_REPLACED,
            citizenId,
            "channel=" + ("sms".equals(proof.channel()) ? "phone" : "email"),
            Occurrence.at(clock.instant())));
  }

  /** Below Confirmed the passport proves nothing the account holds: recovery online, or confirm first. */
  static final class NotConfirmed extends Problem {
    NotConfirmed() {
      super(409, "contact-replacement-not-confirmed");
    }
  }
}
