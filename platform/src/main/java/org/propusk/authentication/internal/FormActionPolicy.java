package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.propusk.authentication.ReturnDestinations;
import org.springframework.stereotype.Component;

/**
 * The portal's content security policy, and the one exception to its {@code form-action 'self'}:
 * a page whose form returns the citizen to an address that redirects to another site (a service
 * signing in with Propusk) also names that site's origin, since browsers check every redirect after
 * a form's submission against the page's {@code form-action}. Only origins of addresses that
 * another module checked against its registrations are added, one per page.
 */
@Component
class FormActionPolicy {

  /** Every directive but {@code form-action}. */
  private static final String BASE =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; ";

  /** The policy of every page that sends nowhere else. */
  static final String DEFAULT = BASE + "form-action 'self'";

  /** A host name or IPv4 address, or an IPv6 address in brackets: nothing that could end a directive. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]");

  private final List<ReturnDestinations> destinations;

  FormActionPolicy(List<ReturnDestinations> destinations) {
    this.destinations = destinations;
  }

  /**
   * Sets this response's policy for a page whose forms end at {@code returnAddress}: the default,
   * or with the origin of the site that address sends the citizen on to.
   */
  void forFormsReturningTo(String returnAddress, HttpServletResponse response) {
    if (returnAddress == null) {
      return;
    }
    destinations.stream()
        .map(destination -> destination.beyondThisSite(returnAddress))
        .flatMap(Optional::stream)
        .map(FormActionPolicy::origin)
        .filter(Objects::nonNull)
        .findFirst()
        .ifPresent(origin -> response.setHeader("Content-Security-Policy", BASE + "form-action 'self' " + origin));
  }

  /** {@code scheme://host[:port]} of an http(s) address; null for anything else. */
  static String origin(URI address) {
    String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
    String host = address.getHost();
    if (!(scheme.equals("https") || scheme.equals("http")) || host == null || !HOST.matcher(host).matches()) {
      return null;
    }
    return scheme + "://" + host.toLowerCase(Locale.ROOT) + (address.getPort() == -1 ? "" : ":" + address.getPort());
  }
}
