package org.propusk.account;

import java.util.Locale;

/**
 * What an account may do beyond being a citizen's own. Held in the account module ({@link Roles})
 * and checked from the database on every request that needs it, never kept in a session.
 */
public enum Role {
  /** Runs the platform: the admin pages ({@code /admin/**}), granting and revoking roles. */
  ADMINISTRATOR,
  /**
   * Works at a service centre: the operator console ({@code /operator/**}), finding citizens and
   * confirming their identity in person. The centre is the operator module's.
   */
  OPERATOR;

  /** The name in API answers and audit details, e.g. {@code administrator}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
