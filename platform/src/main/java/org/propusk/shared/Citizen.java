package org.propusk.shared;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in citizen, as the authentication module puts it into the security context: the
 * account, the time of sign-in (for the absolute session timeout) and the level the session was
 * granted at (a change of level gives the session a new id).
 */
public record Citizen(UUID accountId, Instant signedInAt, String level) {

  /** The citizen of the current request, if one is signed in. */
  public static Optional<Citizen> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof Citizen citizen) {
      return Optional.of(citizen);
    }
    return Optional.empty();
  }
}
