package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.propusk.account.AccountLevel;
import org.propusk.account.AccountSummary;
import org.propusk.account.Accounts;
import org.propusk.account.RecoveryTarget;
import org.propusk.account.SessionStanding;
import org.propusk.authentication.SecondFactorFailed;
import org.propusk.authentication.SecondFactors;
import org.propusk.authentication.SignIn;
import org.propusk.authentication.SignInFailed;
import org.propusk.authentication.SignInFailedEvent;
import org.propusk.authentication.SignedInEvent;
import org.propusk.authentication.SignedInFromNewDevice;
import org.propusk.authentication.SignedOutEvent;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.Citizen;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.LimitDecision;
import org.propusk.shared.LimitKind;
import org.propusk.shared.Occurrence;
import org.propusk.shared.RateLimiter;
import org.propusk.shared.TooManyAttempts;
import org.propusk.shared.SessionEnded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sign-in flow (identify, password, second factor when the account has one, done) for the
 * pages and the API alike, and the sessions that registration and recovery end in.
 */
@Service
class SignInService implements SignIn {

  /** The session attribute holding the id of this browser's flow waiting for a second factor. */
  static final String FLOW_ATTRIBUTE = SignInService.class.getName() + ".flow";

  private static final String THROTTLED = "sign-in-throttled";

  private final Accounts accounts;
  private final RateLimiter limiter;
  private final DeviceCookies devices;
  private final DeviceNames deviceNames;
  private final Sessions sessions;
  private final SignInFlowRepository flows;
  private final SecondFactors secondFactors;
  private final SignInPolicy policy;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;

  SignInService(
      Accounts accounts,
      RateLimiter limiter,
      DeviceCookies devices,
      DeviceNames deviceNames,
      Sessions sessions,
      SignInFlowRepository flows,
      SecondFactors secondFactors,
      SignInPolicy policy,
      Clock clock,
      ApplicationEventPublisher events,
      TransactionTemplate transactions) {
    this.accounts = accounts;
    this.limiter = limiter;
    this.devices = devices;
    this.deviceNames = deviceNames;
    this.sessions = sessions;
    this.flows = flows;
    this.secondFactors = secondFactors;
    this.policy = policy;
    this.clock = clock;
    this.events = events;
    this.transactions = transactions;
  }

  /** How a step of the flow ended. */
  sealed interface Outcome {
    /**
     * Signed in.
     *
     * @param returnTo where the citizen was going, null when the flow was not told
     * @param requiredLevel the level asked for when the account is below it, else null
     */
    record Done(UUID accountId, AccountLevel level, String returnTo, AccountLevel requiredLevel) implements Outcome {}

    /** The password was right; the account's second factor is next. */
    record SecondFactorNeeded(UUID flowId, Set<AuthenticationMethod> methods, Instant expiresAt) implements Outcome {}
  }

  /**
   * Identify and password. Counts the attempt before the password is checked, so that parallel
   * guesses cannot outrun the count: each admitted attempt costs one Argon2 run, a refused one
   * none. No transaction is held meanwhile, so that a burst of sign-ins waiting for the limiter and
   * for Argon2 does not hold the main pool's connections, which every request needs for its
   * session. A password-only account is signed in at once and nothing of the flow is saved; for an
   * account with a second factor the flow is saved (one row) and its id kept in this session.
   *
   * @throws SignInFailed for every wrong login or password alike
   * @throws TooManyAttempts while failures slow down or block the attempts
   */
  Outcome signIn(
      String login,
      String password,
      SignInFlow.Request wanted,
      HttpServletRequest request,
      HttpServletResponse response) {
    Instant started = clock.instant();
    SignInFlow flow = SignInFlow.start(wanted, started);
    Optional<LoginIdentifier> identifier = LoginIdentifier.classify(login);
    // the same key whether or not such an account exists, so that throttling reveals nothing
    flow.identified(identifier.map(SignInService::key).orElseGet(() -> rawKey(login)));
    Counting counting =
        countAttempt(
            flow.loginKey(), identifier.flatMap(SignInService::snilsKeyOfDigits), request.getRemoteAddr(),
            devices.presentedFor(flow.loginKey(), request));
    SignInFlow.Attempt attempt = counting.attempt();
    Optional<UUID> account = identifier.flatMap(id -> accounts.authenticate(id, password));
    if (account.isEmpty()) {
      SignInFailedEvent failed =
          new SignInFailedEvent(
              identifier.flatMap(accounts::findForRecovery).map(RecoveryTarget::accountId).orElse(null),
              Occurrence.at(clock.instant()));
      transactions.executeWithoutResult(tx -> events.publishEvent(failed));
      throw new SignInFailed();
    }
    // what follows the hash reads and writes in one transaction: a sign-in costs the database few;
    // the session is renewed after it (Sessions.renewId)
    Optional<Recorded> recorded =
        transactions.execute(
            tx -> {
              // this attempt was no failure against the SNILS; earlier ones stay, whoever signed in now
              counting.snilsSlot().ifPresent(limiter::release);
              return passwordVerified(flow, account.get(), attempt, request);
            });
    if (recorded.isPresent()) {
      return open(recorded.get(), request, response);
    }
    // the pre-sign-in session gets a new id too, so that one planted before the password is no use
    Sessions.renewId(request);
    request.getSession(true).setAttribute(FLOW_ATTRIBUTE, flow.id());
    return new Outcome.SecondFactorNeeded(flow.id(), flow.methods(), flow.expiresAt());
  }

  /** The sign-in recorded when the password is all the account needs; else the flow saved, and empty. */
  private Optional<Recorded> passwordVerified(
      SignInFlow flow, UUID accountId, SignInFlow.Attempt attempt, HttpServletRequest request) {
    Set<AuthenticationMethod> factors = secondFactors.methodsOf(accountId);
    flow.passwordVerified(accountId, attempt, factors, policy.secondFactorTtl(), clock.instant());
    if (flow.state() == SignInState.DONE) {
      return Optional.of(record(flow, EnumSet.of(AuthenticationMethod.PASSWORD), Set.of(), request));
    }
    flows.insert(flow);
    return Optional.empty();
  }

  /** The flow of this session waiting for a second factor. */
  SignInFlow waiting(HttpServletRequest request, UUID claimed) {
    HttpSession session = request.getSession(false);
    Object kept = session == null ? null : session.getAttribute(FLOW_ATTRIBUTE);
    // a flow id from anywhere but this session (a body, another client) is never enough
    if (!(kept instanceof UUID id) || (claimed != null && !claimed.equals(id))) {
      throw new SignInProblems.FlowNotFound();
    }
    return flows.find(id)
        .filter(flow -> flow.waitsForSecondFactor(clock.instant()))
        .orElseThrow(SignInProblems.FlowNotFound::new);
  }

  /**
   * Sends an SMS code for the flow's second factor, on the citizen's request.
   *
   * @return when the next code may be asked for
   */
  Instant sendSmsCode(HttpServletRequest request, UUID claimed, Locale locale) {
    SignInFlow flow = waiting(request, claimed);
    if (!flow.methods().contains(AuthenticationMethod.SMS)) {
      throw new InvalidInput("method", "unavailable");
    }
    Instant next = secondFactors.sendSmsCode(flow.accountId(), locale);
    flow.smsSent(next);
    flows.smsSent(flow.id(), next);
    return next;
  }

  /**
   * The second factor: every code is counted for the flow before it is checked; a wrong one is
   * recorded, and after {@link SignInPolicy#wrongCodesPerFlow} of them the flow is over. A right
   * one signs in under a new session id, with the password and this method in the session.
   *
   * @throws SignInProblems.WrongCode with the codes left
   * @throws TooManyAttempts from the limits of the flow or of the account's second factor
   */
  Outcome.Done secondFactor(
      HttpServletRequest request,
      HttpServletResponse response,
      UUID claimed,
      AuthenticationMethod method,
      String code) {
    SignInFlow flow = waiting(request, claimed);
    if (method == null || !flow.methods().contains(method)) {
      throw new InvalidInput("method", "unavailable");
    }
    if (code == null || code.isBlank()) {
      throw new InvalidInput("code", "required");
    }
    try {
      limiter.take(LimitKind.SIGN_IN_SECOND_FACTOR, flow.id().toString(), "sign-in-second-factor-limit");
    } catch (TooManyAttempts spent) {
      end(flow, request);
      throw spent;
    }
    try {
      secondFactors.verify(flow.accountId(), method, code.strip(), flow.attempt().device());
    } catch (InvalidInput wrong) {
      SecondFactorFailed failed = new SecondFactorFailed(flow.accountId(), method.amr(), Occurrence.at(clock.instant()));
      transactions.executeWithoutResult(tx -> events.publishEvent(failed));
      int counted = flows.countWrongCode(flow.id()).orElseThrow(SignInProblems.FlowNotFound::new);
      flow.wrongCode(counted, policy.wrongCodesPerFlow());
      if (flow.state() == SignInState.FAILED) {
        end(flow, request);
      }
      throw new SignInProblems.WrongCode(wrong.violations(), Math.max(0, policy.wrongCodesPerFlow() - counted));
    }
    // one flow signs in once, even when two right codes arrive together
    if (!end(flow, request)) {
      throw new SignInProblems.FlowNotFound();
    }
    flow.secondFactorVerified();
    return finish(flow, EnumSet.of(AuthenticationMethod.PASSWORD, method), EnumSet.of(method), request, response);
  }

  /** Deletes the flow and forgets it in the session; true when this request deleted it. */
  private boolean end(SignInFlow flow, HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(FLOW_ATTRIBUTE);
    }
    return flows.delete(flow.id());
  }

  /**
   * The flow is done: the failures of the login are forgotten, the sign-in (and a new device) is
   * told, in one transaction (the forgetting, the audit entry, the new-device notice's publication);
   * then the session is opened under a new id and the browser remembered for this login.
   */
  private Outcome.Done finish(
      SignInFlow flow,
      Set<AuthenticationMethod> methods,
      Set<AuthenticationMethod> secondFactors,
      HttpServletRequest request,
      HttpServletResponse response) {
    return open(transactions.execute(tx -> record(flow, methods, secondFactors, request)), request, response);
  }

  /** A sign-in recorded, for its session to be opened once the transaction that recorded it is over. */
  private record Recorded(
      SignInFlow flow, AccountSummary account, Set<AuthenticationMethod> methods, Set<AuthenticationMethod> secondFactors) {}

  private Recorded record(
      SignInFlow flow,
      Set<AuthenticationMethod> methods,
      Set<AuthenticationMethod> secondFactors,
      HttpServletRequest request) {
    // the account was deleted, or its sessions ended everywhere (a new password, a recovery, a
    // cancelled contact change), while the flow waited for its second factor: it signs no one in
    Optional<SessionStanding> standing = accounts.sessionStanding(flow.accountId());
    if (standing.isEmpty()
        || (standing.get().validFrom() != null && flow.createdAt().isBefore(standing.get().validFrom()))) {
      throw new SignInProblems.FlowNotFound();
    }
    forget(flow.loginKey(), flow.attempt());
    Occurrence now = Occurrence.at(clock.instant());
    boolean knownDevice = flow.attempt().device() != null;
    Optional<SignedInFromNewDevice> newDevice =
        knownDevice
            ? Optional.empty()
            : Optional.of(
                new SignedInFromNewDevice(
                    flow.accountId(), deviceNames.describe(request.getHeader("User-Agent")).orElse(null), now));
    events.publishEvent(new SignedInEvent(flow.accountId(), now));
    newDevice.ifPresent(events::publishEvent);
    return new Recorded(flow, find(flow.accountId()), methods, secondFactors);
  }

  private Outcome.Done open(Recorded recorded, HttpServletRequest request, HttpServletResponse response) {
    SignInFlow flow = recorded.flow();
    AccountLevel level = open(recorded.account(), recorded.methods(), recorded.secondFactors(), request, response);
    devices.issue(flow.loginKey(), response);
    AccountLevel wanted = flow.request().minLevel();
    return new Outcome.Done(
        flow.accountId(),
        level,
        flow.request().returnTo(),
        wanted != null && level.compareTo(wanted) < 0 ? wanted : null);
  }

  /**
   * Takes the attempt's slots. A browser with a device cookie for this login spends its own
   * budget, so that strangers' failures never lock the owner out; every other client shares the
   * login's budget and its address's.
   */
  private Counting countAttempt(String loginKey, Optional<String> snilsKey, String client, Optional<String> device) {
    if (device.isPresent()) {
      limiter.take(LimitKind.SIGN_IN_DEVICE, "device:" + device.get(), THROTTLED);
      return new Counting(new SignInFlow.Attempt(device.get(), null), Optional.empty());
    }
    List<RateLimiter.Counted> counted = new ArrayList<>();
    counted.add(new RateLimiter.Counted(LimitKind.SIGN_IN_ACCOUNT, loginKey));
    // digits that may be a SNILS count against its budget too, which its card form spends alone
    snilsKey.ifPresent(key -> counted.add(new RateLimiter.Counted(LimitKind.SIGN_IN_ACCOUNT, key)));
    counted.add(new RateLimiter.Counted(LimitKind.SIGN_IN_CLIENT, client));
    List<LimitDecision.Permitted> slots = limiter.takeAll(THROTTLED, counted.toArray(RateLimiter.Counted[]::new));
    return new Counting(
        new SignInFlow.Attempt(null, slots.getLast().slot()), snilsKey.map(key -> slots.get(1)));
  }

  /** The attempt's slots, and the one it took of a SNILS's budget (see {@link #snilsKeyOfDigits}). */
  private record Counting(SignInFlow.Attempt attempt, Optional<LimitDecision.Permitted> snilsSlot) {}

  /** Once the flow is done, its attempt does not count as a failure (in the caller's transaction). */
  private void forget(String loginKey, SignInFlow.Attempt attempt) {
    if (attempt.device() != null) {
      limiter.reset(LimitKind.SIGN_IN_DEVICE, "device:" + attempt.device());
    } else {
      limiter.reset(LimitKind.SIGN_IN_ACCOUNT, loginKey);
      limiter.release(new LimitDecision.Permitted(attempt.clientSlot()));
    }
  }

  @Override
  public void forgetFailures(LoginIdentifier login) {
    limiter.reset(LimitKind.SIGN_IN_ACCOUNT, key(login));
  }

  @Override
  @Transactional
  public void signOut(HttpServletRequest request, HttpServletResponse response) {
    Citizen.current()
        .ifPresent(citizen -> events.publishEvent(new SignedOutEvent(citizen.accountId(), Occurrence.at(clock.instant()))));
    new SecurityContextLogoutHandler()
        .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
  }

  /**
   * Signs in after a registration or a recovery, where the citizen proved the contact (and, for an
   * account with a second factor, that too or the other contact) and has just typed the password:
   * the browser is remembered as a device of the account's main login, so that its next sign-in is
   * not "from a new device".
   */
  @Override
  public AccountLevel startSession(
      UUID accountId, Set<AuthenticationMethod> proofs, HttpServletRequest request, HttpServletResponse response) {
    long possession = proofs.stream().filter(AuthenticationMethod::possession).count();
    if (possession < 2 && !secondFactors.methodsOf(accountId).isEmpty()) {
      throw new IllegalStateException("an account with a second factor needs it (or its other contact) as well");
    }
    AccountSummary account = find(accountId);
    EnumSet<AuthenticationMethod> methods = EnumSet.copyOf(proofs);
    methods.add(AuthenticationMethod.PASSWORD);
    // the contact codes of a registration or recovery are no second factor; an app or recovery code is
    Set<AuthenticationMethod> secondFactors = EnumSet.noneOf(AuthenticationMethod.class);
    methods.stream().filter(AuthenticationMethod::onlyASecondFactor).forEach(secondFactors::add);
    AccountLevel level = open(account, methods, secondFactors, request, response);
    devices.issue(mainLoginKey(account), response);
    return level;
  }

  /**
   * The signed-in citizen's session after a change of password, which ends every session whose
   * latest proof came before it: this one has the current password as a proof made now (so it goes
   * on, still within its absolute timeout from the sign-in), under a new id and CSRF token; the
   * browser's device cookie stays as it is.
   */
  public void renewSession(Citizen citizen, HttpServletRequest request, HttpServletResponse response) {
    sessions.signIn(citizen.provedAgain(AuthenticationMethod.PASSWORD, clock.instant()), request, response);
  }

  private AccountSummary find(UUID accountId) {
    return accounts.find(accountId).orElseThrow(SessionEnded::new);
  }

  /** A new session id at every sign-in, so that an id planted before it is worthless. */
  private AccountLevel open(
      AccountSummary account,
      Set<AuthenticationMethod> methods,
      Set<AuthenticationMethod> secondFactors,
      HttpServletRequest request,
      HttpServletResponse response) {
    AccountLevel level = account.level().level();
    sessions.signIn(
        Citizen.signedIn(account.id(), level.name(), clock.instant(), methods, secondFactors), request, response);
    return level;
  }

  @Transactional
  int deleteExpiredFlows() {
    return flows.deleteExpired(clock.instant());
  }

  /** The login key of the account's phone, or of its e-mail when it has no phone. */
  private static String mainLoginKey(AccountSummary account) {
    return account.phone() != null ? account.phone() : account.email().toLowerCase(Locale.ROOT);
  }

  /** The SNILS key of digits typed that are a phone number and a SNILS alike. */
  private static Optional<String> snilsKeyOfDigits(LoginIdentifier identifier) {
    return identifier instanceof LoginIdentifier.ByPhone phone && phone.orSnils() != null
        ? Optional.of(key(new LoginIdentifier.BySnils(phone.orSnils())))
        : Optional.empty();
  }

  private static String key(LoginIdentifier identifier) {
    return switch (identifier) {
      case LoginIdentifier.ByPhone phone -> phone.phone().e164();
      case LoginIdentifier.ByEmail email -> email.email().value().toLowerCase(Locale.ROOT);
      case LoginIdentifier.BySnils snils -> snils.snils().digits();
    };
  }

  private static String rawKey(String login) {
    return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
  }
}
