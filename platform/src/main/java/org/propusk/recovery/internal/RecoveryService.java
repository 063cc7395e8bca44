package org.propusk.recovery.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.propusk.account.AccountSummary;
import org.propusk.account.AcceptedPassword;
import org.propusk.account.Accounts;
import org.propusk.account.Contact;
import org.propusk.account.PasswordAssessment;
import org.propusk.account.RecoveryTarget;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.recovery.RecoveryCodeIssued;
import org.propusk.recovery.RecoveryCompleted;
import org.propusk.recovery.RecoveryStarted;
import org.propusk.recovery.SecondFactorBypassed;
import org.propusk.authentication.SecondFactors;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.ConfirmationCode;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.LimitKind;
import org.propusk.shared.Occurrence;
import org.propusk.shared.OneTimeSecrets;
import org.propusk.shared.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The recovery use cases; the pages and the JSON API both call these. */
@Service
class RecoveryService {

  private final RecoveryFlowRepository flows;
  private final Accounts accounts;
  private final RateLimiter limiter;
  private final OneTimeSecrets secrets;
  private final ApplicationEventPublisher events;
  private final RecoveryPolicy policy;
  private final Clock clock;
  private final SecondFactors secondFactors;
  private final TransactionTemplate transactions;

  RecoveryService(
      RecoveryFlowRepository flows,
      Accounts accounts,
      RateLimiter limiter,
      OneTimeSecrets secrets,
      ApplicationEventPublisher events,
      RecoveryPolicy policy,
      Clock clock,
      SecondFactors secondFactors,
      TransactionTemplate transactions) {
    this.secondFactors = secondFactors;
    this.transactions = transactions;
    this.flows = flows;
    this.accounts = accounts;
    this.limiter = limiter;
    this.secrets = secrets;
    this.events = events;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Starts a recovery for whatever login was typed. The answer is the same whether or not an
   * account has this login; only a real one gets the code.
   */
  @Transactional
  RecoveryView start(String login, String clientAddress, Locale locale) {
    if (login == null || login.isBlank()) {
      throw new InvalidInput("login", "required");
    }
    LoginIdentifier identifier =
        LoginIdentifier.classify(login).orElseThrow(() -> new InvalidInput("login", "invalid"));
    Instant now = clock.instant();
    limiter.take(LimitKind.RECOVERY_START, clientAddress, "recovery-limit");
    Optional<RecoveryTarget> target = accounts.findForRecovery(identifier);
    RecoveryFlow flow =
        RecoveryFlow.start(
            target.map(RecoveryTarget::accountId).orElse(null),
            // a SNILS flow answers as an SMS one whatever the account's contact, so that nothing
            // tells whether the SNILS belongs to an account
            identifier instanceof LoginIdentifier.ByEmail ? RecoveryFlow.Channel.EMAIL : RecoveryFlow.Channel.SMS,
            loginKey(identifier),
            locale,
            policy,
            now);
    String code = issue(flow, clientAddress, target, now);
    flows.insert(flow);
    target.ifPresent(t -> publish(flow, t, code));
    events.publishEvent(new RecoveryStarted(flow.id(), flow.accountId(), Occurrence.at(now)));
    return RecoveryView.of(flow, policy);
  }

  /** A new code, to the account's confirmed contact as it is stored now. */
  @Transactional
  RecoveryView resend(UUID id, String clientAddress) {
    Instant now = clock.instant();
    RecoveryFlow flow = load(id);
    if (flow.state() == RecoveryState.OTHER_CONTACT_CODE_SENT) {
      return sendOtherContactCode(id, clientAddress);
    }
    Optional<RecoveryTarget> target =
        flow.reachesAnAccount()
            ? accounts.findForRecovery(flow.accountId(), flow.channel() == RecoveryFlow.Channel.EMAIL)
            : Optional.empty();
    String code = issue(flow, clientAddress, target, now);
    flows.update(flow);
    target.ifPresent(t -> publish(flow, t, code));
    return RecoveryView.of(flow, policy);
  }

  /** The code; for an account with a second factor the flow goes on to it, not to the password. */
  @Transactional(noRollbackFor = ConfirmationCode.WrongCode.class)
  RecoveryView confirm(UUID id, String code) {
    RecoveryFlow flow = load(id);
    boolean hasSecondFactor = flow.reachesAnAccount() && !secondFactorsOf(flow.accountId()).isEmpty();
    try {
      flow.confirm(code, hasSecondFactor, secrets, policy, clock.instant());
    } finally {
      flows.update(flow);
    }
    return view(flow);
  }

  /**
   * A TOTP or recovery code, as well as the contact's code. Checked (and limited) by the second
   * factor's own module.
   */
  @Transactional
  RecoveryView secondFactor(UUID id, AuthenticationMethod method, String code) {
    RecoveryFlow flow = load(id);
    if (flow.state() != RecoveryState.SECOND_FACTOR) {
      throw new RecoveryProblems.WrongStep();
    }
    if (method == null || !usableSecondFactors(flow).contains(method)) {
      throw new InvalidInput("method", method == null ? "required" : "unavailable");
    }
    if (code == null || code.isBlank()) {
      throw new InvalidInput("code", "required");
    }
    secondFactors.verify(flow.accountId(), method, code.strip());
    flow.secondFactorVerified(method, policy, clock.instant());
    flows.update(flow);
    return view(flow);
  }

  /**
   * The citizen lost the second factor: a code to the account's other confirmed contact (the phone
   * never counts twice). Without one, recovery cannot go on online.
   *
   * @throws RecoveryProblems.ServiceCentreNeeded when the account has no other confirmed contact
   */
  @Transactional
  RecoveryView sendOtherContactCode(UUID id, String clientAddress) {
    Instant now = clock.instant();
    RecoveryFlow flow = load(id);
    if (flow.state() != RecoveryState.SECOND_FACTOR && flow.state() != RecoveryState.OTHER_CONTACT_CODE_SENT) {
      throw new RecoveryProblems.WrongStep();
    }
    OtherContact other = otherContact(flow).orElseThrow(RecoveryProblems.ServiceCentreNeeded::new);
    String code = flow.issueOtherContactCode(other.channel(), secrets, policy, now);
    limit(flow, clientAddress, other.value());
    flows.update(flow);
    events.publishEvent(
        new RecoveryCodeIssued(
            flow.id(), other.channel().apiName(), other.value(), secrets.seal(code), flow.code().expiresAt(), flow.locale()));
    return view(flow);
  }

  /** The other contact's code; unless it is the phone of an SMS second factor, every contact is told. */
  @Transactional(noRollbackFor = ConfirmationCode.WrongCode.class)
  RecoveryView confirmOtherContact(UUID id, String code) {
    Instant now = clock.instant();
    RecoveryFlow flow = load(id);
    try {
      flow.confirmOtherContact(code, secrets, policy, now);
    } finally {
      flows.update(flow);
    }
    boolean smsFactor =
        flow.otherChannel() == RecoveryFlow.Channel.SMS
            && secondFactorsOf(flow.accountId()).contains(AuthenticationMethod.SMS);
    if (!smsFactor) {
      events.publishEvent(
          new SecondFactorBypassed(flow.id(), flow.accountId(), flow.otherChannel().apiName(), Occurrence.at(now)));
    }
    return view(flow);
  }

  /** The account's confirmed contact that is not the one the recovery went by. */
  private record OtherContact(RecoveryFlow.Channel channel, String value) {}

  private Optional<OtherContact> otherContact(RecoveryFlow flow) {
    Optional<Contact> first =
        accounts.findForRecovery(flow.accountId(), flow.channel() == RecoveryFlow.Channel.EMAIL).map(RecoveryTarget::contact);
    Optional<AccountSummary> account = accounts.find(flow.accountId());
    if (first.isEmpty() || account.isEmpty()) {
      return Optional.empty();
    }
    return first.get() instanceof Contact.Phone
        ? Optional.ofNullable(account.get().email()).map(email -> new OtherContact(RecoveryFlow.Channel.EMAIL, email))
        : Optional.ofNullable(account.get().phone()).map(phone -> new OtherContact(RecoveryFlow.Channel.SMS, phone));
  }

  /** TOTP and recovery codes; an SMS second factor is the phone, reached as the other contact. */
  private Set<AuthenticationMethod> usableSecondFactors(RecoveryFlow flow) {
    Set<AuthenticationMethod> usable = EnumSet.copyOf(secondFactorsOf(flow.accountId()));
    usable.retainAll(EnumSet.of(AuthenticationMethod.TOTP, AuthenticationMethod.RECOVERY_CODE));
    return usable;
  }

  private Set<AuthenticationMethod> secondFactorsOf(UUID accountId) {
    Set<AuthenticationMethod> methods = secondFactors.methodsOf(accountId);
    return methods.isEmpty() ? EnumSet.noneOf(AuthenticationMethod.class) : EnumSet.copyOf(methods);
  }

  /** The view, with the second-factor step's choices while the flow is at it. */
  private RecoveryView view(RecoveryFlow flow) {
    RecoveryView view = RecoveryView.of(flow, policy);
    if (flow.state() != RecoveryState.SECOND_FACTOR && flow.state() != RecoveryState.OTHER_CONTACT_CODE_SENT) {
      return view;
    }
    return view.withSecondFactor(
        usableSecondFactors(flow).stream().map(m -> m.name().toLowerCase(Locale.ROOT)).sorted().toList(),
        otherContact(flow).map(o -> RecoveryView.mask(o.channel(), o.value())).orElse(null));
  }

  /**
   * Sets the new password; every other session of the account ends. The password is checked and
   * hashed between two transactions, so that no connection waits for the hash (see {@link
   * AcceptedPassword}); the second one checks the flow again.
   */
  Recovered setPassword(UUID id, String password, String passwordRepeat) {
    RecoveryFlow ready = transactions.execute(tx -> readyForPassword(id, password, passwordRepeat, clock.instant()));
    AcceptedPassword accepted = accounts.acceptPassword(ready.accountId(), password);
    return transactions.execute(
        tx -> {
          Instant now = clock.instant();
          RecoveryFlow flow = readyForPassword(id, password, passwordRepeat, now);
          accounts.changePassword(flow.accountId(), accepted);
          flow.complete(now);
          flows.update(flow);
          events.publishEvent(new RecoveryCompleted(flow.id(), flow.accountId(), Occurrence.at(now)));
          return new Recovered(flow.accountId(), flow.proofs());
        });
  }

  private RecoveryFlow readyForPassword(UUID id, String password, String passwordRepeat, Instant now) {
    RecoveryFlow flow = load(id);
    flow.ensurePasswordStepOpen(now);
    if (password == null || password.isEmpty()) {
      throw new InvalidInput("password", "required");
    }
    if (!password.equals(passwordRepeat)) {
      throw new InvalidInput("passwordRepeat", "mismatch");
    }
    // a second factor turned on while this flow waited for its password: the contact alone is
    // not enough, and nothing may change before that is settled
    if (flow.proofs().stream().filter(AuthenticationMethod::possession).count() < 2
        && !secondFactorsOf(flow.accountId()).isEmpty()) {
      throw new RecoveryProblems.WrongStep();
    }
    return flow;
  }

  /**
   * The recovered account and what its owner proved (the contact, and the second factor or the
   * other contact), for the session that follows.
   */
  record Recovered(UUID accountId, Set<AuthenticationMethod> proofs) {}

  /** Rates the new password as it is typed, against the account's own data. */
  @Transactional(readOnly = true)
  PasswordAssessment assessPassword(UUID id, String password) {
    RecoveryFlow flow = load(id);
    flow.ensurePasswordStepOpen(clock.instant());
    return accounts.assessPassword(flow.accountId(), password);
  }

  @Transactional(readOnly = true)
  RecoveryView view(UUID id) {
    return view(load(id));
  }

  /** The phone or e-mail the recovery was started with, to forget its failed sign-ins. */
  @Transactional(readOnly = true)
  Optional<LoginIdentifier> login(UUID id) {
    return flows.find(id).flatMap(flow -> LoginIdentifier.classify(flow.contact()));
  }

  @Transactional
  int deleteFinishedFlows() {
    return flows.deleteFinished(clock.instant());
  }

  /**
   * Codes are counted per flow and per client address; per recipient only under a generous cap,
   * so that a stranger cannot cheaply use up the owner's codes. The recipient is the contact the
   * code goes to, so that typing the phone, the e-mail and the SNILS of one account does not triple
   * the cap; an unknown login is counted alike under what was typed.
   */
  private String issue(RecoveryFlow flow, String clientAddress, Optional<RecoveryTarget> target, Instant now) {
    String code = flow.issueCode(secrets, policy, now);
    limit(flow, clientAddress, target.map(t -> t.contact().value()).orElse(flow.contact()));
    return code;
  }

  private void limit(RecoveryFlow flow, String clientAddress, String to) {
    String recipient = to.toLowerCase(Locale.ROOT);
    limiter.takeAll(
        "recovery-code-limit",
        new RateLimiter.Counted(LimitKind.RECOVERY_CODE_FLOW, flow.id().toString()),
        new RateLimiter.Counted(LimitKind.RECOVERY_CODE_CLIENT, clientAddress),
        new RateLimiter.Counted(LimitKind.RECOVERY_CODE_LOGIN, recipient));
  }

  private void publish(RecoveryFlow flow, RecoveryTarget target, String code) {
    String channel = target.contact() instanceof Contact.Email ? "email" : "sms";
    events.publishEvent(
        new RecoveryCodeIssued(
            flow.id(), channel, target.contact().value(), secrets.seal(code), flow.code().expiresAt(), flow.locale()));
  }

  private RecoveryFlow load(UUID id) {
    RecoveryFlow flow = flows.find(id).orElseThrow(RecoveryProblems.FlowNotFound::new);
    if (flow.isExpired(clock.instant())) {
      throw new RecoveryProblems.FlowNotFound();
    }
    return flow;
  }

  /** What the flow keeps of the login: a phone or e-mail as typed, a SNILS only as a keyed hash. */
  private String loginKey(LoginIdentifier identifier) {
    return switch (identifier) {
      case LoginIdentifier.ByPhone phone -> phone.phone().e164();
      case LoginIdentifier.ByEmail email -> email.email().value();
      case LoginIdentifier.BySnils snils -> "snils:" + secrets.hash("recovery-snils:" + snils.snils().digits());
    };
  }
}
