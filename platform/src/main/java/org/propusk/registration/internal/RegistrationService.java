package org.propusk.registration.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.propusk.account.AcceptedPassword;
import org.propusk.account.Accounts;
import org.propusk.account.Contact;
import org.propusk.account.ContactAlreadyRegistered;
import org.propusk.account.NewAccount;
import org.propusk.account.PasswordAssessment;
import org.propusk.account.PasswordPolicy;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.MobilePhone;
import org.propusk.identifiers.Parsed;
import org.propusk.identifiers.PersonName;
import org.propusk.registration.RegistrationCodeIssued;
import org.propusk.registration.RegistrationCompleted;
import org.propusk.registration.RegistrationStarted;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.ConfirmationCode;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.LimitKind;
import org.propusk.shared.OneTimeSecrets;
import org.propusk.shared.RateLimiter;
import org.propusk.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The registration use cases; the web pages and the JSON API both call these. */
@Service
class RegistrationService {

  private final RegistrationFlowRepository flows;
  private final Accounts accounts;
  private final RateLimiter limiter;
  private final OneTimeSecrets secrets;
  private final ApplicationEventPublisher events;
  private final RegistrationSettings settings;
  private final TransactionTemplate transactions;

  RegistrationService(
      RegistrationFlowRepository flows,
      Accounts accounts,
      RateLimiter limiter,
      OneTimeSecrets secrets,
      ApplicationEventPublisher events,
      RegistrationSettings settings,
      TransactionTemplate transactions) {
    this.transactions = transactions;
    this.flows = flows;
    this.accounts = accounts;
    this.limiter = limiter;
    this.secrets = secrets;
    this.events = events;
    this.settings = settings;
  }

  /** What the citizen typed on the first page. */
  record StartRegistration(
      String lastName, String firstName, String phone, String email, Boolean acceptTerms) {}

  /** Starts a registration and sends the first code. */
  @Transactional
  FlowView start(StartRegistration request, String clientAddress, Locale locale) {
    Instant now = clock().instant();
    List<Violation> violations = new ArrayList<>();
    PersonName lastName = Violation.collect(PersonName.parse(request.lastName()), "lastName", violations);
    PersonName firstName = Violation.collect(PersonName.parse(request.firstName()), "firstName", violations);
    Contact contact = contact(request, violations);
    if (!Boolean.TRUE.equals(request.acceptTerms())) {
      violations.add(new Violation("acceptTerms", "required"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    // counted before the "already registered" answer and kept with it, so that probing is throttled
    limiter.take(LimitKind.REGISTRATION_START, clientAddress, "registration-limit");
    if (accounts.isRegistered(contact)) {
      throw new ContactAlreadyRegistered();
    }
    RegistrationFlow flow =
        RegistrationFlow.start(
            contact,
            lastName.value(),
            firstName.value(),
            locale,
            settings.termsVersion(),
            settings.privacyVersion(),
            clientAddress,
            policy(),
            now);
    RegistrationFlow.IssuedCode code = issue(flow, now);
    flows.insert(flow);
    publish(flow, code);
    events.publishEvent(new RegistrationStarted(flow.id(), flow.channel().apiName()));
    return view(flow, null);
  }

  /** Sends a new code when the wait is over and the contact's hourly limit allows it. */
  @Transactional
  FlowView resend(UUID id) {
    Instant now = clock().instant();
    RegistrationFlow flow = load(id);
    RegistrationFlow.IssuedCode code = issue(flow, now);
    flows.update(flow);
    publish(flow, code);
    return view(flow, null);
  }

  /** Checks a typed code. A wrong one is counted (and the count kept) before it is reported. */
  @Transactional(noRollbackFor = ConfirmationCode.WrongCode.class)
  FlowView confirm(UUID id, String code) {
    RegistrationFlow flow = load(id);
    try {
      flow.confirmWithCode(code, secrets, policy(), clock().instant());
    } finally {
      flows.update(flow);
    }
    return view(flow, null);
  }

  /**
   * Opens the password step from the link in the letter, for the browser that opened it: it keeps
   * the token (in a cookie) as its proof. Valid until a new letter replaces it.
   */
  @Transactional
  FlowView openLink(String token) {
    RegistrationFlow flow =
        flows
            .findByLinkTokenHash(secrets.hash(token == null ? "" : token))
            .orElseThrow(RegistrationProblems.LinkInvalid::new);
    flow.openLink(policy(), clock().instant());
    flows.update(flow);
    return view(flow, token);
  }

  /** Checks a password as the citizen types it, against the same policy that will decide. */
  @Transactional(readOnly = true)
  PasswordAssessment assessPassword(UUID id, String password) {
    RegistrationFlow flow = load(id);
    return settings.passwordPolicy().assess(password == null ? "" : password, personalData(flow));
  }

  /**
   * Sets the password: checked and hashed first, between two transactions, so that no connection
   * waits for the hash (see {@link AcceptedPassword}); then the account is opened and the flow
   * completed, in one transaction that checks the flow again.
   *
   * @param linkToken the token of the letter's link, when this browser opened it; else null
   */
  Opened setPassword(UUID id, String password, String passwordRepeat, String linkToken) {
    RegistrationFlow ready =
        transactions.execute(tx -> readyForPassword(id, password, passwordRepeat, linkToken, clock().instant()));
    AcceptedPassword accepted = accounts.acceptPassword(password, personalData(ready));
    return transactions.execute(
        tx -> {
          Instant now = clock().instant();
          RegistrationFlow flow = readyForPassword(id, password, passwordRepeat, linkToken, now);
          UUID accountId =
              accounts.open(
                  new NewAccount(
                      flow.lastName(),
                      flow.firstName(),
                      contactOf(flow),
                      flow.contactConfirmedAt(),
                      accepted,
                      List.of(
                          new NewAccount.ConsentRecord("terms", flow.termsVersion(), flow.consentedAt()),
                          new NewAccount.ConsentRecord("privacy", flow.privacyVersion(), flow.consentedAt())),
                      flow.clientAddress()));
          flow.complete(linkToken, secrets, now);
          flows.update(flow);
          events.publishEvent(new RegistrationCompleted(flow.id(), accountId, flow.channel().apiName()));
          return new Opened(
              accountId, flow.channel() == RegistrationFlow.Channel.SMS ? AuthenticationMethod.SMS : AuthenticationMethod.EMAIL);
        });
  }

  private RegistrationFlow readyForPassword(UUID id, String password, String passwordRepeat, String linkToken, Instant now) {
    RegistrationFlow flow = load(id);
    flow.ensurePasswordStepOpen(linkToken, secrets, now);
    if (password == null || password.isEmpty()) {
      throw new InvalidInput("password", "required");
    }
    if (!password.equals(passwordRepeat)) {
      throw new InvalidInput("passwordRepeat", "mismatch");
    }
    return flow;
  }

  /** The new account and how its owner proved the contact, for the session that follows. */
  record Opened(UUID accountId, AuthenticationMethod contactProof) {}

  /** The flow as this client sees it; {@code linkToken} as for {@link #setPassword}. */
  @Transactional(readOnly = true)
  FlowView view(UUID id, String linkToken) {
    return view(load(id), linkToken);
  }

  private FlowView view(RegistrationFlow flow, String linkToken) {
    return FlowView.of(flow, flow.stateSeenBy(linkToken, secrets), policy());
  }

  /** Deletes expired and completed flows, which frees nothing else: flows reserve no contact. */
  @Transactional
  int deleteFinishedFlows() {
    return flows.deleteFinished(clock().instant());
  }

  private RegistrationFlow.IssuedCode issue(RegistrationFlow flow, Instant now) {
    // the per-contact hourly limit is checked only when the flow's own rules allow a code
    RegistrationFlow.IssuedCode code = flow.issueCode(secrets, policy(), now);
    // one key per contact for every flow (registration, recovery): e-mail case does not count
    String contact = flow.contact().toLowerCase(Locale.ROOT);
    limiter.take(LimitKind.CONTACT_CODE, contact, "code-limit");
    return code;
  }

  private void publish(RegistrationFlow flow, RegistrationFlow.IssuedCode code) {
    String link =
        code.linkToken() == null ? null : settings.publicUrl() + "/register/email/" + code.linkToken();
    events.publishEvent(
        new RegistrationCodeIssued(
            flow.id(),
            flow.channel().apiName(),
            flow.contact(),
            secrets.seal(code.code()),
            link == null ? null : secrets.seal(link),
            flow.code().expiresAt(),
            flow.locale()));
  }

  private RegistrationFlow load(UUID id) {
    RegistrationFlow flow = flows.find(id).orElseThrow(RegistrationProblems.FlowNotFound::new);
    if (flow.isExpired(clock().instant())) {
      throw new RegistrationProblems.FlowNotFound();
    }
    return flow;
  }

  private static Contact contact(StartRegistration request, List<Violation> violations) {
    boolean hasPhone = request.phone() != null && !request.phone().isBlank();
    boolean hasEmail = request.email() != null && !request.email().isBlank();
    if (hasPhone && hasEmail) {
      violations.add(new Violation("contact", "one_only"));
      return null;
    }
    if (hasPhone) {
      MobilePhone phone = Violation.collect(MobilePhone.parse(request.phone()), "phone", violations);
      return phone == null ? null : new Contact.Phone(phone);
    }
    if (hasEmail) {
      EmailAddress email = Violation.collect(EmailAddress.parse(request.email()), "email", violations);
      return email == null ? null : new Contact.Email(email);
    }
    violations.add(new Violation("contact", "required"));
    return null;
  }

  private static Contact contactOf(RegistrationFlow flow) {
    return flow.channel() == RegistrationFlow.Channel.SMS
        ? new Contact.Phone(MobilePhone.parse(flow.contact()).value())
        : new Contact.Email(EmailAddress.parse(flow.contact()).value());
  }

  private static PasswordPolicy.PersonalData personalData(RegistrationFlow flow) {
    boolean sms = flow.channel() == RegistrationFlow.Channel.SMS;
    return new PasswordPolicy.PersonalData(
        flow.lastName(),
        flow.firstName(),
        sms ? flow.contact() : null,
        sms ? null : flow.contact());
  }

  private RegistrationPolicy policy() {
    return settings.policy();
  }

  private Clock clock() {
    return settings.clock();
  }
}
