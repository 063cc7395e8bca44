package org.propusk.account.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.propusk.account.Contact;
import org.propusk.account.LastAdministrator;
import org.propusk.account.Role;
import org.propusk.account.RoleGranted;
import org.propusk.account.RoleHolder;
import org.propusk.account.RoleRevoked;
import org.propusk.account.Roles;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Occurrence;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Roles in table {@code account_role}; see {@link Roles}. */
@Service
class RoleService implements Roles {

  private final RoleRepository roles;
  private final AccountRepository accounts;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RoleService(RoleRepository roles, AccountRepository accounts, ApplicationEventPublisher events, Clock clock) {
    this.roles = roles;
    this.accounts = accounts;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean has(UUID accountId, Role role) {
    return roles.has(accountId, role);
  }

  @Override
  @Transactional(readOnly = true)
  public List<RoleHolder> holders(Role role) {
    return roles.holders(role);
  }

  @Override
  @Transactional
  public UUID grant(LoginIdentifier login, Role role, UUID grantedBy) {
    UUID accountId = findByLogin(login).orElseThrow(() -> new InvalidInput("login", "unknown_account"));
    if (roles.insert(accountId, role, clock.instant(), grantedBy)) {
      events.publishEvent(new RoleGranted(accountId, role, grantedBy, Occurrence.at(clock.instant())));
    }
    return accountId;
  }

  @Override
  @Transactional
  public void revoke(UUID accountId, Role role, UUID revokedBy) {
    List<UUID> holders = roles.lockHolders(role);
    if (!holders.contains(accountId)) {
      return;
    }
    if (role == Role.ADMINISTRATOR && holders.size() == 1) {
      throw new LastAdministrator();
    }
    roles.delete(accountId, role);
    events.publishEvent(new RoleRevoked(accountId, role, revokedBy, Occurrence.at(clock.instant())));
  }

  /**
   * Makes the account with this login the first administrator, when nobody is one yet; true when
   * this call did. Safe on several nodes at once: the insert is conditional, and the primary key
   * settles two inserts of the same row.
   */
  @Transactional
  public boolean appointFirstAdministrator(LoginIdentifier login) {
    if (roles.anyHolds(Role.ADMINISTRATOR)) {
      return false;
    }
    Optional<UUID> account = findByLogin(login);
    if (account.isEmpty() || !roles.insertIfNoneHolds(account.get(), Role.ADMINISTRATOR, clock.instant())) {
      return false;
    }
    events.publishEvent(new RoleGranted(account.get(), Role.ADMINISTRATOR, null, Occurrence.at(clock.instant())));
    return true;
  }

  /** Roles are given by phone or e-mail, the logins an administrator can read out; not by SNILS. */
  private Optional<UUID> findByLogin(LoginIdentifier login) {
    Optional<AccountRecord> account =
        switch (login) {
          case LoginIdentifier.ByPhone phone -> accounts.findByContact(new Contact.Phone(phone.phone()));
          case LoginIdentifier.ByEmail email -> accounts.findByContact(new Contact.Email(email.email()));
          case LoginIdentifier.BySnils snils -> Optional.empty();
        };
    return account.map(AccountRecord::id);
  }
}
