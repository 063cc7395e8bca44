package org.propusk.verification;

import java.util.Locale;

/** What the citizen sees next to a document; {@code internal/CheckState.mmd} draws the moves. */
public enum CheckState {
  NOT_ENTERED,
  PENDING,
  VERIFIED,
  FAILED;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
