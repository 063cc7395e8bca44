package org.propusk.authentication.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.propusk.account.AccountLevel;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Violation;

/**
 * A sign-in in progress: identify, password, the second factor when the account has one, done.
 * It carries where the citizen was going, the level asked for and the maximum authentication age
 * from the start to the end. A password-only sign-in passes through all of it in one request and
 * is never saved; a flow waiting for the second factor is saved, and its id kept in the browser's
 * (not yet signed-in) session only.
 */
final class SignInFlow {

  /** What the flow was started with; every part optional. */
  record Request(String returnTo, AccountLevel minLevel, Duration maxAge) {

    /**
     * From the page's parameters: a return address that is not a path of this site, an unknown
     * level and a maximum age that is not a whole number of seconds are ignored.
     */
    static Request lenient(String returnTo, String level, String maxAge) {
      Duration age = null;
      if (maxAge != null && maxAge.matches("[0-9]{1,9}")) {
        age = Duration.ofSeconds(Long.parseLong(maxAge));
      }
      return new Request(ReturnAddress.of(returnTo).orElse(null), level(level).orElse(null), age);
    }

    /**
     * From the API's fields: an invalid return address is ignored like on the page, an unknown
     * level or a negative age is refused (a client asking for more must not silently get less).
     */
    static Request strict(String returnTo, String level, Long maxAge) {
      List<Violation> violations = new ArrayList<>();
      Optional<AccountLevel> min = level(level);
      if (level != null && min.isEmpty()) {
        violations.add(new Violation("minLevel", "invalid"));
      }
      if (maxAge != null && maxAge < 0) {
        violations.add(new Violation("maxAge", "invalid"));
      }
      if (!violations.isEmpty()) {
        throw new InvalidInput(violations);
      }
      return new Request(
          ReturnAddress.of(returnTo).orElse(null), min.orElse(null), maxAge == null ? null : Duration.ofSeconds(maxAge));
    }

    private static Optional<AccountLevel> level(String name) {
      return Arrays.stream(AccountLevel.values()).filter(l -> l.apiName().equals(name)).findFirst();
    }

    /** Where to go once signed in. */
    String target() {
      return returnTo == null ? "/" : returnTo;
    }
  }

  private final UUID id;
  private final Request request;
  private final Instant createdAt;
  private final long version;
  private SignInState state;
  private UUID accountId;
  private String loginKey;
  private Attempt attempt;
  private Set<AuthenticationMethod> methods;
  private int wrongCodes;
  private Instant smsResendAt;
  private Instant expiresAt;

  SignInFlow(
      UUID id,
      SignInState state,
      Request request,
      UUID accountId,
      String loginKey,
      Attempt attempt,
      Set<AuthenticationMethod> methods,
      int wrongCodes,
      Instant smsResendAt,
      Instant createdAt,
      Instant expiresAt,
      long version) {
    this.id = id;
    this.state = state;
    this.request = request;
    this.accountId = accountId;
    this.loginKey = loginKey;
    this.attempt = attempt;
    this.methods = methods.isEmpty() ? Set.of() : EnumSet.copyOf(methods);
    this.wrongCodes = wrongCodes;
    this.smsResendAt = smsResendAt;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.version = version;
  }

  static SignInFlow start(Request request, Instant now) {
    return new SignInFlow(
        UUID.randomUUID(), SignInState.IDENTIFY, request, null, null, null, Set.of(), 0, null, now, now, 0);
  }

  /** The login was read; {@code loginKey} is its normal form (or what was typed, for none). */
  void identified(String loginKey) {
    move(SignInState.PASSWORD);
    this.loginKey = loginKey;
  }

  /**
   * The password was right: done at once when the account has no second factor; otherwise the
   * flow waits for one of {@code secondFactors} until {@code now + ttl}.
   */
  void passwordVerified(
      UUID accountId, Attempt attempt, Set<AuthenticationMethod> secondFactors, Duration ttl, Instant now) {
    this.accountId = accountId;
    this.attempt = attempt;
    if (secondFactors.isEmpty()) {
      move(SignInState.DONE);
    } else {
      move(SignInState.SECOND_FACTOR);
      this.methods = EnumSet.copyOf(secondFactors);
      this.expiresAt = now.plus(ttl);
    }
  }

  /** Whether the second factor may still be given now. */
  boolean waitsForSecondFactor(Instant now) {
    return state == SignInState.SECOND_FACTOR && now.isBefore(expiresAt);
  }

  void smsSent(Instant nextAt) {
    move(SignInState.SECOND_FACTOR);
    smsResendAt = nextAt;
  }

  /** A wrong code was counted; past {@code max} of them the flow is over. */
  void wrongCode(int counted, int max) {
    wrongCodes = counted;
    move(counted >= max ? SignInState.FAILED : SignInState.SECOND_FACTOR);
  }

  void secondFactorVerified() {
    move(SignInState.DONE);
  }

  private void move(SignInState next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("a sign-in cannot move from " + state + " to " + next);
    }
    state = next;
  }

  UUID id() { return id; }
  SignInState state() { return state; }
  Request request() { return request; }
  UUID accountId() { return accountId; }
  String loginKey() { return loginKey; }
  Attempt attempt() { return attempt; }
  Set<AuthenticationMethod> methods() { return methods; }
  int wrongCodes() { return wrongCodes; }
  Instant smsResendAt() { return smsResendAt; }
  Instant createdAt() { return createdAt; }
  Instant expiresAt() { return expiresAt; }
  long version() { return version; }

  /**
   * The failure budget the password attempt was counted in: the browser's own (device cookie
   * nonce) or the login's and the address's (the address's slot is given back once done).
   */
  record Attempt(String device, UUID clientSlot) {}
}
