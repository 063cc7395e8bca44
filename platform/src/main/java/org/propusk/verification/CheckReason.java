package org.propusk.verification;

import java.util.Locale;

/** Why a check failed. */
public enum CheckReason {
  /** The registry has no such document. */
  NOT_FOUND,
  /** The document belongs to someone else or its details differ. */
  MISMATCH,
  /** The data cannot be checked (e.g. incomplete). */
  INVALID,
  /** The registry gave no answer for five days. */
  NO_ANSWER;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
