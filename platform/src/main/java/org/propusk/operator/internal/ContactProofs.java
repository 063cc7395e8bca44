package org.propusk.operator.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.propusk.account.Contact;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.MobilePhone;
import org.propusk.identifiers.Parsed;
import org.propusk.operator.ContactProofCodeIssued;
import org.propusk.operator.OperatorAction;
import org.propusk.operator.OperatorActed;
import org.propusk.shared.ConfirmationCode;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.LimitKind;
import org.propusk.shared.Occurrence;
import org.propusk.shared.OneTimeSecrets;
import org.propusk.shared.Problem;
import org.propusk.shared.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves at the desk that a phone or e-mail is the visitor's: a code goes to it, the visitor reads
 * it out, the operator types it. Serves registration on the spot and the new contact of a citizen
 * who lost every contact.
 */
@Service
class ContactProofs {

  /** Six digits, ten minutes, a new code after a minute, three wrong entries a code, five a proof. */
  static final ConfirmationCode.Rules RULES =
      new ConfirmationCode.Rules(6, Duration.ofMinutes(10), Duration.ofMinutes(1), 3, 5);

  /** The visit: long enough to fill the registration form after the code, short enough to end with it. */
  static final Duration LIFETIME = Duration.ofHours(1);

  private final OperatorConsole console;
  private final ContactProofRepository proofs;
  private final OneTimeSecrets secrets;
  private final RateLimiter limiter;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ContactProofs(
      OperatorConsole console,
      ContactProofRepository proofs,
      OneTimeSecrets secrets,
      RateLimiter limiter,
      ApplicationEventPublisher events,
      Clock clock) {
    this.console = console;
    this.proofs = proofs;
    this.secrets = secrets;
    this.limiter = limiter;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Sends a code to the phone or e-mail the visitor gives.
   *
   * @param contact a mobile number or an e-mail address, as typed
   * @throws InvalidInput {@code contact} when it is neither
   * @throws org.propusk.shared.TooManyAttempts past the codes a contact may receive
   */
  @Transactional
  UUID start(UUID operatorId, String contact) {
    ServiceCentre centre = console.centreOf(operatorId);
    Contact parsed = parse(contact);
    Instant now = clock.instant();
    ContactProof proof =
        new ContactProof(UUID.randomUUID(), operatorId, parsed, ConfirmationCode.none(), now, now.plus(LIFETIME), null);
    String code = proof.code().issue(secrets, RULES, now);
    // counted in its own transaction before anything is sent: the same limit as every code to a contact
    limiter.take(LimitKind.CONTACT_CODE, parsed.key().toLowerCase(Locale.ROOT), "code-limit");
    proofs.insert(proof);
    events.publishEvent(
        new ContactProofCodeIssued(proof.id(), proof.channel(), parsed.value(), secrets.seal(code), proof.code().expiresAt()));
    audit(operatorId, centre, OperatorAction.CONTACT_CODE_SENT, "channel=" + proof.channel(), now);
    return proof.id();
  }

  /**
   * Checks the code the visitor read out; a wrong one is counted even though the call fails.
   *
   * @throws NotFound for another operator's proof or one past its end
   * @throws ConfirmationCode.WrongCode with the entries left
   */
  @Transactional(noRollbackFor = ConfirmationCode.WrongCode.class)
  void prove(UUID operatorId, UUID proofId, String code) {
    ServiceCentre centre = console.centreOf(operatorId);
    Instant now = clock.instant();
    ContactProof proof = open(operatorId, proofId, now);
    if (proof.provenAt() != null) {
      return;
    }
    try {
      proof.code().verify(code, secrets, RULES, now);
      proof.prove(now);
    } finally {
      proofs.update(proof);
    }
    audit(operatorId, centre, OperatorAction.CONTACT_PROVEN, "channel=" + proof.channel(), now);
  }

  /**
   * A proven proof (its contact and when), for the step that uses it.
   *
   * @throws NotFound for another operator's proof or one past its end
   * @throws NotProven before the right code was typed
   */
  @Transactional
  ContactProof proven(UUID operatorId, UUID proofId) {
    ContactProof proof = open(operatorId, proofId, clock.instant());
    if (proof.provenAt() == null) {
      throw new NotProven();
    }
    return proof;
  }

  /** The operator's open proof, proven or not, for its page. @throws NotFound as {@link #proven} */
  @Transactional
  ContactProof show(UUID operatorId, UUID proofId) {
    return open(operatorId, proofId, clock.instant());
  }

  private ContactProof open(UUID operatorId, UUID proofId, Instant now) {
    return proofs.findForUpdate(proofId).filter(p -> p.isOpenFor(operatorId, now)).orElseThrow(NotFound::new);
  }

  private static Contact parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidInput("contact", "required");
    }
    if (raw.contains("@")) {
      Parsed<EmailAddress> email = EmailAddress.parse(raw);
      email.violation().ifPresent(code -> {
        throw new InvalidInput("contact", code);
      });
      return new Contact.Email(email.value());
    }
    Parsed<MobilePhone> phone = MobilePhone.parse(raw);
    phone.violation().ifPresent(code -> {
      throw new InvalidInput("contact", code);
    });
    return new Contact.Phone(phone.value());
  }

  private void audit(UUID operatorId, ServiceCentre centre, OperatorAction action, String detail, Instant now) {
    events.publishEvent(
        new OperatorActed(operatorId, centre.code(), centre.name(), action, null, detail, Occurrence.at(now)));
  }

  static final class NotFound extends Problem {
    NotFound() {
      super(404, "contact-proof-not-found");
    }
  }

  static final class NotProven extends Problem {
    NotProven() {
      super(409, "contact-not-proven");
    }
  }
}
