package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
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
import org.propusk.authentication.SignIn;
import org.propusk.authentication.SignInFailed;
import org.propusk.authentication.SignInFailedEvent;
import org.propusk.authentication.SignedInEvent;
import org.propusk.authentication.SignedInFromNewDevice;
import org.propusk.authentication.SignedOutEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.Citizen;
import org.propusk.shared.LimitDecision;
import org.propusk.shared.LimitKind;
import org.propusk.shared.Occurrence;
import org.propusk.shared.RateLimiter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class SignInService implements SignIn {

  private static final String THROTTLED = "sign-in-throttled";

  private final Accounts accounts;
  private final RateLimiter limiter;
  private final DeviceCookies devices;
  private final DeviceNames deviceNames;
  private final Sessions sessions;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;

  SignInService(
      Accounts accounts,
      RateLimiter limiter,
      DeviceCookies devices,
      DeviceNames deviceNames,
      Sessions sessions,
      Clock clock,
      ApplicationEventPublisher events,
      TransactionTemplate transactions) {
    this.accounts = accounts;
    this.limiter = limiter;
    this.devices = devices;
    this.deviceNames = deviceNames;
    this.sessions = sessions;
    this.clock = clock;
    this.events = events;
    this.transactions = transactions;
  }

  /**
   * Counts the attempt before the password is checked, so that parallel guesses cannot outrun the
   * count: each admitted attempt costs one Argon2 run, a refused one none. No transaction is held
   * meanwhile, so that a burst of sign-ins waiting for the limiter and for Argon2 does not hold the
   * main pool's connections, which every request needs for its session; the events are published
   * in a short transaction of their own (the outbox stores them there).
   */
  @Override
  public SignedIn signIn(
      String login, String password, HttpServletRequest request, HttpServletResponse response) {
    Optional<LoginIdentifier> identifier = LoginIdentifier.classify(login);
    // the same key whether or not such an account exists, so that throttling reveals nothing
    String loginKey = identifier.map(SignInService::key).orElseGet(() -> rawKey(login));
    String client = request.getRemoteAddr();
    Optional<String> knownDevice = devices.presentedFor(loginKey, request);
    Runnable succeeded = countAttempt(loginKey, client, knownDevice);
    Optional<UUID> account = identifier.flatMap(id -> accounts.authenticate(id, password));
    if (account.isEmpty()) {
      SignInFailedEvent failed =
          new SignInFailedEvent(
              identifier.flatMap(accounts::findForRecovery).map(RecoveryTarget::accountId).orElse(null),
              Occurrence.at(clock.instant()));
      transactions.executeWithoutResult(tx -> events.publishEvent(failed));
      throw new SignInFailed();
    }
    succeeded.run();
    Occurrence now = Occurrence.at(clock.instant());
    Optional<SignedInFromNewDevice> newDevice =
        knownDevice.isPresent()
            ? Optional.empty()
            : Optional.of(
                new SignedInFromNewDevice(
                    account.get(), deviceNames.describe(request.getHeader("User-Agent")).orElse(null), now));
    transactions.executeWithoutResult(
        tx -> {
          events.publishEvent(new SignedInEvent(account.get(), now));
          newDevice.ifPresent(events::publishEvent);
        });
    AccountLevel level = open(find(account.get()), Set.of(AuthenticationMethod.PASSWORD), request, response);
    devices.issue(loginKey, response);
    return new SignedIn(account.get(), level);
  }

  /**
   * Takes the attempt's slots and returns what to forget once it succeeds. A browser with a device
   * cookie for this login spends its own budget, so that strangers' failures never lock the owner
   * out; every other client shares the login's budget and its address's.
   */
  private Runnable countAttempt(String loginKey, String client, Optional<String> device) {
    if (device.isPresent()) {
      String subject = "device:" + device.get();
      limiter.take(LimitKind.SIGN_IN_DEVICE, subject, THROTTLED);
      return () -> limiter.reset(LimitKind.SIGN_IN_DEVICE, subject);
    }
    List<LimitDecision.Permitted> slots =
        limiter.takeAll(
            THROTTLED,
            new RateLimiter.Counted(LimitKind.SIGN_IN_ACCOUNT, loginKey),
            new RateLimiter.Counted(LimitKind.SIGN_IN_CLIENT, client));
    return () -> {
      limiter.reset(LimitKind.SIGN_IN_ACCOUNT, loginKey);
      limiter.release(slots.get(1));
    };
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
   * Signs in after a registration or a recovery, where the citizen proved the contact and has just
   * typed the password: the browser is remembered as a device of the account's main login, so that
   * its next sign-in is not "from a new device".
   */
  @Override
  public AccountLevel startSession(
      UUID accountId, AuthenticationMethod contactProof, HttpServletRequest request, HttpServletResponse response) {
    AccountSummary account = find(accountId);
    AccountLevel level =
        open(account, EnumSet.of(contactProof, AuthenticationMethod.PASSWORD), request, response);
    devices.issue(mainLoginKey(account), response);
    return level;
  }

  /**
   * A new session for the signed-in citizen after a change of password, which ends every session
   * begun before it: a new id and CSRF token, begun now, with the current password as a fresh
   * proof and the earlier ones kept; the browser's device cookie stays as it is.
   */
  public void renewSession(Citizen citizen, HttpServletRequest request, HttpServletResponse response) {
    Instant now = clock.instant();
    Citizen renewed = citizen.provedAgain(AuthenticationMethod.PASSWORD, now);
    sessions.signIn(new Citizen(citizen.accountId(), now, citizen.level(), renewed.methods()), request, response);
  }

  private AccountSummary find(UUID accountId) {
    return accounts.find(accountId).orElseThrow(() -> new IllegalStateException("account vanished"));
  }

  /** A new session id at every sign-in, so that an id planted before it is worthless. */
  private AccountLevel open(
      AccountSummary account, Set<AuthenticationMethod> methods, HttpServletRequest request, HttpServletResponse response) {
    AccountLevel level = account.level().level();
    sessions.signIn(Citizen.signedIn(account.id(), level.name(), clock.instant(), methods), request, response);
    return level;
  }

  /** The login key of the account's phone, or of its e-mail when it has no phone. */
  private static String mainLoginKey(AccountSummary account) {
    return account.phone() != null ? account.phone() : account.email().toLowerCase(Locale.ROOT);
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
