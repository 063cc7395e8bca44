package org.propusk.shared;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in citizen, as the authentication module puts it into the security context: the
 * account, the time of sign-in (for the absolute session timeout) and the level the session was
 * granted at (a change of level gives the session a new id). Serializable, because sessions are
 * kept in the database; its name is the account id, under which the sessions of one account are
 * found.
 */
public record Citizen(UUID accountId, Instant signedInAt, String level)
    implements AuthenticatedPrincipal, Serializable {

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
