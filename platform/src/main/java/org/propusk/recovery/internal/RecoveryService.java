package org.propusk.recovery.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.propusk.account.Accounts;
import org.propusk.account.Contact;
import org.propusk.account.PasswordAssessment;
import org.propusk.account.RecoveryTarget;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.recovery.RecoveryCodeIssued;
import org.propusk.recovery.RecoveryCompleted;
import org.propusk.recovery.RecoveryStarted;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.ConfirmationCode;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.LimitKind;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.Occurrence;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.OneTimeSecrets;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

  RecoveryService(
      RecoveryFlowRepository flows,
      Accounts accounts,
      RateLimiter limiter,
      OneTimeSecrets secrets,
      ApplicationEventPublisher events,
      RecoveryPolicy policy,
      Clock clock) {
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
    Optional<RecoveryTarget> target =
        flow.reachesAnAccount()
            ? accounts.findForRecovery(flow.accountId(), flow.channel() == RecoveryFlow.Channel.EMAIL)
            : Optional.empty();
    String code = issue(flow, clientAddress, target, now);
    flows.update(flow);
    target.ifPresent(t -> publish(flow, t, code));
    return RecoveryView.of(flow, policy);
  }

  @Transactional(noRollbackFor = ConfirmationCode.WrongCode.class)
  RecoveryView confirm(UUID id, String code) {
    RecoveryFlow flow = load(id);
    try {
      flow.confirm(code, secrets, policy, clock.instant());
    } finally {
      flows.update(flow);
    }
    return RecoveryView.of(flow, policy);
  }

  /** Sets the new password; every other session of the account ends. */
  @Transactional
  Recovered setPassword(UUID id, String password, String passwordRepeat) {
    Instant now = clock.instant();
    RecoveryFlow flow = load(id);
    flow.ensurePasswordStepOpen(now);
    if (password == null || password.isEmpty()) {
      throw new InvalidInput("password", "required");
    }
    if (!password.equals(passwordRepeat)) {
      throw new InvalidInput("passwordRepeat", "mismatch");
    }
    accounts.changePassword(flow.accountId(), password);
    flow.complete(now);
    flows.update(flow);
    events.publishEvent(new RecoveryCompleted(flow.id(), flow.accountId(), Occurrence.at(now)));
    return new Recovered(
        flow.accountId(), flow.channel() == RecoveryFlow.Channel.SMS ? AuthenticationMethod.SMS : AuthenticationMethod.EMAIL);
  }

  /** The recovered account and how its owner proved the contact, for the session that follows. */
  record Recovered(UUID accountId, AuthenticationMethod contactProof) {}

  /** Rates the new password as it is typed, against the account's own data. */
  @Transactional(readOnly = true)
  PasswordAssessment assessPassword(UUID id, String password) {
    RecoveryFlow flow = load(id);
    flow.ensurePasswordStepOpen(clock.instant());
    return accounts.assessPassword(flow.accountId(), password);
  }

  @Transactional(readOnly = true)
  RecoveryView view(UUID id) {
    return RecoveryView.of(load(id), policy);
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
    String recipient = target.map(t -> t.contact().value()).orElse(flow.contact()).toLowerCase(Locale.ROOT);
    limiter.takeAll(
        "recovery-code-limit",
        new RateLimiter.Counted(LimitKind.RECOVERY_CODE_FLOW, flow.id().toString()),
        new RateLimiter.Counted(LimitKind.RECOVERY_CODE_CLIENT, clientAddress),
        new RateLimiter.Counted(LimitKind.RECOVERY_CODE_LOGIN, recipient));
    return code;
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
