package org.propusk.shared;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in citizen, as the authentication module puts it into the security context: the
 * account, the time of sign-in (for the absolute session timeout), the level the session was
 * granted at (a change of level gives the session a new id), when each way of proving identity
 * was last used in this session (for {@code amr}, {@code auth_time}, {@code max_age} and the
 * re-authentication rule) and which of them were the account's second factor. Serializable,
 * because sessions are kept in the database; its name is the account id, under which the sessions
 * of one account are found.
 *
 * <p>{@code secondFactors} is needed because a method alone does not say what it proved: an SMS
 * code is the account's second factor at sign-in, but only a proof of the contact at the end of a
 * registration or a recovery (methods {SMS or EMAIL, PASSWORD} there). Always a subset of the
 * methods' possession factors.
 */
public record Citizen(
    UUID accountId,
    Instant signedInAt,
    String level,
    Map<AuthenticationMethod, Instant> methods,
    Set<AuthenticationMethod> secondFactors)
    implements AuthenticatedPrincipal, Serializable {

  public Citizen {
    // a session stored before methods were recorded deserializes with none: it proved nothing recent
    methods = methods == null || methods.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(methods));
    // stored before second factors were told apart: only what cannot be anything else counts
    Set<AuthenticationMethod> proven = EnumSet.noneOf(AuthenticationMethod.class);
    for (AuthenticationMethod method : secondFactors == null ? onlySecondFactors(methods.keySet()) : secondFactors) {
      if (method.possession() && methods.containsKey(method)) {
        proven.add(method);
      }
    }
    secondFactors = Set.copyOf(proven);
  }

  /** A session without a second factor told apart (as stored before there was one). */
  public Citizen(UUID accountId, Instant signedInAt, String level, Map<AuthenticationMethod, Instant> methods) {
    this(accountId, signedInAt, level, methods, null);
  }

  /**
   * A citizen who has just signed in with these methods; an app code or a recovery code among
   * them is a second factor (they are nothing else), an SMS or e-mail code is not: see the other
   * overload.
   */
  public static Citizen signedIn(UUID accountId, String level, Instant at, Set<AuthenticationMethod> methods) {
    return signedIn(accountId, level, at, methods, onlySecondFactors(methods));
  }

  /** A citizen who has just signed in with these methods, of which {@code secondFactors} were the account's second factor. */
  public static Citizen signedIn(
      UUID accountId, String level, Instant at, Set<AuthenticationMethod> methods, Set<AuthenticationMethod> secondFactors) {
    Map<AuthenticationMethod, Instant> proofs = new EnumMap<>(AuthenticationMethod.class);
    methods.forEach(method -> proofs.put(method, at));
    return new Citizen(accountId, at, level, proofs, secondFactors);
  }

  /** The same session after the citizen proved one more thing, e.g. typed the password again. */
  public Citizen provedAgain(AuthenticationMethod method, Instant at) {
    Map<AuthenticationMethod, Instant> proofs = new EnumMap<>(AuthenticationMethod.class);
    proofs.putAll(methods);
    proofs.put(method, at);
    Set<AuthenticationMethod> second = EnumSet.noneOf(AuthenticationMethod.class);
    second.addAll(secondFactors);
    second.addAll(onlySecondFactors(Set.of(method)));
    return new Citizen(accountId, signedInAt, level, proofs, second);
  }

  /** The same session at another account level. */
  public Citizen atLevel(String newLevel) {
    return new Citizen(accountId, signedInAt, newLevel, methods, secondFactors);
  }

  /**
   * The password and the account's own second factor (an app code, a recovery code, the SMS code
   * of two-step sign-in) were both proven in this session: what administrators need. Stricter than
   * {@link #multiFactor()}, which a registration's contact code and password also satisfy.
   */
  public boolean secondFactorProven() {
    return methods.containsKey(AuthenticationMethod.PASSWORD) && !secondFactors.isEmpty();
  }

  private static Set<AuthenticationMethod> onlySecondFactors(Set<AuthenticationMethod> methods) {
    Set<AuthenticationMethod> second = EnumSet.noneOf(AuthenticationMethod.class);
    methods.stream().filter(AuthenticationMethod::onlyASecondFactor).forEach(second::add);
    return second;
  }

  /** Whether this method was used at or after {@code now - window}. */
  public boolean proved(AuthenticationMethod method, Duration window, Instant now) {
    Instant at = methods.get(method);
    return at != null && !at.isBefore(now.minus(window));
  }

  /** Knowledge and possession both proven in this session. */
  public boolean multiFactor() {
    return methods.containsKey(AuthenticationMethod.PASSWORD)
        && methods.keySet().stream().anyMatch(AuthenticationMethod::possession);
  }

  /** Two factors, each proven within the window: "two factors within the last 5 minutes?". */
  public boolean multiFactorWithin(Duration window, Instant now) {
    return proved(AuthenticationMethod.PASSWORD, window, now)
        && methods.keySet().stream().anyMatch(m -> m.possession() && proved(m, window, now));
  }

  /** When the citizen last proved who they are ({@code auth_time}); the sign-in when nothing is recorded. */
  public Instant authenticatedAt() {
    return methods.values().stream().max(Comparator.naturalOrder()).orElse(signedInAt);
  }

  @Override
  public String getName() {
    return accountId.toString();
  }

  /** The citizen of the current request, if one is signed in. */
  public static Optional<Citizen> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof Citizen citizen) {
      return Optional.of(citizen);
    }
    return Optional.empty();
  }
}
