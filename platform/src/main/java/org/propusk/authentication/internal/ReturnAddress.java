package org.propusk.authentication.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.propusk.shared.TextLimit;

/**
 * Where to send the citizen after signing in or typing the password again: only a path on this
 * site, so that a link to our sign-in page cannot forward a freshly signed-in citizen elsewhere
 * (an open redirect). Registered clients' redirect addresses are the federation module's to check.
 */
final class ReturnAddress {

  private ReturnAddress() {}

  /** The address when it is a path on this site (with its query), else empty. */
  static Optional<String> of(String candidate) {
    if (candidate == null
        || candidate.isEmpty()
        || candidate.length() > TextLimit.RETURN_ADDRESS.max()
        || !candidate.startsWith("/")
        || candidate.startsWith("//")
        || candidate.chars().anyMatch(c -> c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c))) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(candidate);
      if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawFragment() != null) {
        return Optional.empty();
      }
      return Optional.of(uri.normalize().toString())
          .filter(path -> path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/.."));
    } catch (URISyntaxException malformed) {
      return Optional.empty();
    }
  }
}
