package org.propusk.account;

/** The three account levels, from the least to the most trusted. */
public enum AccountLevel {
  SIMPLIFIED,
  STANDARD,
  CONFIRMED;

  /** The name used in the JSON API and in messages, e.g. {@code simplified}. */
  public String apiName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
