package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.propusk.account.AccountLevel;
import org.propusk.account.AccountSummary;
import org.propusk.account.Accounts;
import org.propusk.account.RecoveryTarget;
import org.propusk.authentication.SignIn;
import org.propusk.authentication.SignInFailed;
import org.propusk.authentication.SignInFailedEvent;
import org.propusk.authentication.SignedInEvent;
import org.propusk.authentication.SignedOutEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.shared.Citizen;
import org.propusk.shared.LimitDecision;
import org.propusk.shared.LimitKind;
import org.propusk.shared.Occurrence;
import org.propusk.shared.RateLimiter;
import org.propusk.shared.TooManyAttempts;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class SignInService implements SignIn {

  private final Accounts accounts;
  private final RateLimiter limiter;
  private final Sessions sessions;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  SignInService(
      Accounts accounts,
      RateLimiter limiter,
      Sessions sessions,
      Clock clock,
      ApplicationEventPublisher events) {
    this.accounts = accounts;
    this.limiter = limiter;
    this.sessions = sessions;
    this.clock = clock;
    this.events = events;
  }

  /** One transaction: the failure counts stay even though the failure is thrown. */
  @Override
  @Transactional(noRollbackFor = SignInFailed.class)
  public SignedIn signIn(
      String login, String password, HttpServletRequest request, HttpServletResponse response) {
    Optional<LoginIdentifier> identifier = LoginIdentifier.classify(login);
    // the same key whether or not such an account exists, so that throttling reveals nothing
    String loginKey = identifier.map(SignInService::key).orElseGet(() -> rawKey(login));
    String client = request.getRemoteAddr();
    Instant now = clock.instant();
    refuseWhileThrottled(LimitKind.SIGN_IN_ACCOUNT, loginKey, now);
    refuseWhileThrottled(LimitKind.SIGN_IN_CLIENT, client, now);
    Optional<UUID> account = identifier.flatMap(id -> accounts.authenticate(id, password));
    if (account.isEmpty()) {
      limiter.record(LimitKind.SIGN_IN_ACCOUNT, loginKey);
      limiter.record(LimitKind.SIGN_IN_CLIENT, client);
      events.publishEvent(
          new SignInFailedEvent(
              identifier.flatMap(accounts::findForRecovery).map(RecoveryTarget::accountId).orElse(null),
              Occurrence.at(now)));
      throw new SignInFailed();
    }
    limiter.reset(LimitKind.SIGN_IN_ACCOUNT, loginKey);
    events.publishEvent(new SignedInEvent(account.get(), Occurrence.at(now)));
    return new SignedIn(account.get(), startSession(account.get(), request, response));
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

  /** A new session id at every sign-in, so that an id planted before it is worthless. */
  @Override
  public AccountLevel startSession(
      UUID accountId, HttpServletRequest request, HttpServletResponse response) {
    AccountSummary account =
        accounts.find(accountId).orElseThrow(() -> new IllegalStateException("account vanished"));
    AccountLevel level = account.level().level();
    sessions.signIn(new Citizen(accountId, clock.instant(), level.name()), request, response);
    return level;
  }

  private void refuseWhileThrottled(LimitKind kind, String subject, Instant now) {
    LimitDecision decision = limiter.check(kind, subject);
    if (!decision.permitted()) {
      throw new TooManyAttempts("sign-in-throttled", decision, now);
    }
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
