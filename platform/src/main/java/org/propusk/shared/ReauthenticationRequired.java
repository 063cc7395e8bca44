package org.propusk.shared;

import java.util.Map;

/**
 * The action needs the password typed again: the session's last proof of it is older than the
 * re-authentication window. Pages send the citizen to the password page and back; the API answers
 * 403 with where to send the password.
 */
public class ReauthenticationRequired extends Problem {

  public ReauthenticationRequired() {
    super(403, "reauthentication-required");
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("reauthenticate", "/api/v1/session/reauthentication");
  }
}
