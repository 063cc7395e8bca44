package org.propusk.verification;

/** The documents checked against a registry. */
public enum Document {
  /** The insurance number, checked at the pension fund (SFR). */
  SNILS,
  /** The passport of a citizen of the Russian Federation, checked at the interior ministry (MVD). */
  PASSPORT,
  /**
   * The registration address (адрес регистрации), checked in the interior ministry's registration
   * records; no evidence for the level, but needed for a code by post.
   */
  ADDRESS
}
