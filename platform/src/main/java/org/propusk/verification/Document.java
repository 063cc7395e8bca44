package org.propusk.verification;

/** The documents checked against a registry. */
public enum Document {
  /** The insurance number, checked at the pension fund (SFR). */
  SNILS,
  /** The passport of a citizen of the Russian Federation, checked at the interior ministry (MVD). */
  PASSPORT
}
