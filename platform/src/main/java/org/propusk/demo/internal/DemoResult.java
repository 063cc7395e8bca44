package org.propusk.demo.internal;

import java.io.Serializable;
import java.util.List;

/**
 * What the demo portal received at its last sign-in, as text for its page (kept in the session,
 * so that the page can be reloaded after the code is spent).
 */
public record DemoResult(
    List<String> requestedScopes,
    String requestedAcr,
    List<Entry> tokenResponse,
    List<Entry> idTokenHeader,
    List<Entry> idTokenClaims,
    List<Entry> accessTokenHeader,
    List<Entry> userInfo)
    implements Serializable {

  /** A name and its value as JSON text; {@code time} is the UTC time for a time claim, else null. */
  public record Entry(String name, String value, String time) implements Serializable {}

  /** One claim of the ID token, if present. */
  public String claim(String name) {
    return idTokenClaims.stream().filter(e -> e.name().equals(name)).map(Entry::value).findFirst().orElse(null);
  }
}
