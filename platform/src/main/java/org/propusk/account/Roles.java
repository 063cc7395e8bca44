package org.propusk.account;

import java.util.List;
import java.util.UUID;
import org.propusk.identifiers.LoginIdentifier;

/**
 * Roles of accounts, read from the database at every call (no role is cached in a session, so a
 * revocation takes effect at the next request). Granting and revoking are the admin pages' to
 * protect (administrator, second factor, recent password); each is announced with {@link
 * RoleGranted} or {@link RoleRevoked} and audited.
 */
public interface Roles {

  boolean has(UUID accountId, Role role);

  /** The accounts holding the role, longest-standing first. */
  List<RoleHolder> holders(Role role);

  default List<RoleHolder> administrators() {
    return holders(Role.ADMINISTRATOR);
  }

  /**
   * Gives the account with this phone or e-mail login the role; nothing happens when it holds it
   * already.
   *
   * @return the account
   * @throws org.propusk.shared.InvalidInput {@code login} when no account has it (a SNILS is not
   *     accepted: roles are given by phone or e-mail)
   */
  UUID grant(LoginIdentifier login, Role role, UUID grantedBy);

  /**
   * Takes the role away; nothing happens when the account does not hold it.
   *
   * @throws LastAdministrator when it is the last administrator (checked under a lock, so two
   *     administrators revoking each other at once cannot leave none)
   */
  void revoke(UUID accountId, Role role, UUID revokedBy);
}
