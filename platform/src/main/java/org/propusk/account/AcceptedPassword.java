package org.propusk.account;

/**
 * A new password that the password policy accepted, as its Argon2id hash: made by {@link
 * Accounts#acceptPassword} before the transaction that stores it, because a hash takes tens of
 * milliseconds and may wait seconds for its turn, and no database connection or lock may wait with
 * it (a burst of registrations would otherwise take the whole pool).
 */
public record AcceptedPassword(String hash) {

  public AcceptedPassword {
    if (hash == null || !hash.startsWith("$argon2id$")) {
      throw new IllegalArgumentException("an Argon2id hash in its PHC string form");
    }
  }

  @Override
  public String toString() {
    return "AcceptedPassword[***]"; // a password hash never reaches a log
  }
}
