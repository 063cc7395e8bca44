package org.propusk.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pages' content security policy, and its one exception: a page whose form is answered with a
 * redirect to another site (a service signing in with Propusk) also names that site's origin in
 * {@code form-action}, since browsers check every redirect after a form's submission against it.
 */
public final class ContentSecurityPolicy {

  /** Every directive but {@code form-action}. */
  private static final String BASE =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; ";

  /** The policy of every page that sends nowhere else. */
  public static final String DEFAULT = BASE + "form-action 'self'";

  /** A host name or IPv4 address, or an IPv6 address in brackets: nothing that could end a directive. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]");

  private ContentSecurityPolicy() {}

  /**
   * Sets the policy of a page whose forms may end at {@code destination}, an address the caller
   * checked against a registration; an address that is not plain http(s) leaves the default.
   */
  public static void allowFormsTo(URI destination, HttpServletResponse response) {
    origin(destination).ifPresent(origin -> response.setHeader("Content-Security-Policy", DEFAULT + " " + origin));
  }

  /** {@code scheme://host[:port]} of an http(s) address; empty for anything else. */
  static Optional<String> origin(URI address) {
    String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
    String host = address.getHost();
    if (!(scheme.equals("https") || scheme.equals("http")) || host == null || !HOST.matcher(host).matches()) {
      return Optional.empty();
    }
    return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (address.getPort() == -1 ? "" : ":" + address.getPort()));
  }
}
