package org.propusk.shared;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
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
 * granted at (a change of level gives the session a new id) and when each way of proving identity
 * was last used in this session (for {@code amr}, {@code auth_time}, {@code max_age} and the
 * re-authentication rule). Serializable, because sessions are kept in the database; its name is
 * the account id, under which the sessions of one account are found.
 */
public record Citizen(UUID accountId, Instant signedInAt, String level, Map<AuthenticationMethod, Instant> methods)
    implements AuthenticatedPrincipal, Serializable {

  public Citizen {
    // a session stored before methods were recorded deserializes with none: it proved nothing recent
    methods = methods == null || methods.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(methods));
  }

  /** A citizen who has just signed in with these methods. */
  public static Citizen signedIn(UUID accountId, String level, Instant at, Set<AuthenticationMethod> methods) {
    Map<AuthenticationMethod, Instant> proofs = new EnumMap<>(AuthenticationMethod.class);
    methods.forEach(method -> proofs.put(method, at));
    return new Citizen(accountId, at, level, proofs);
  }

  /** The same session after the citizen proved one more thing, e.g. typed the password again. */
  public Citizen provedAgain(AuthenticationMethod method, Instant at) {
    Map<AuthenticationMethod, Instant> proofs = new EnumMap<>(AuthenticationMethod.class);
    proofs.putAll(methods);
    proofs.put(method, at);
    return new Citizen(accountId, signedInAt, level, proofs);
  }

  /** The same session at another account level. */
  public Citizen atLevel(String newLevel) {
    return new Citizen(accountId, signedInAt, newLevel, methods);
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
