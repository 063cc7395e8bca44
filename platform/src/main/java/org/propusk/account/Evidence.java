package org.propusk.account;

/** A fact about the citizen that counts towards a level. */
public enum Evidence {
  CONFIRMED_CONTACT,
  VERIFIED_SNILS,
  VERIFIED_PASSPORT,
  PROVEN_IDENTITY
}
