package org.propusk.account.internal;

import java.util.Optional;
import org.propusk.account.AccountOpened;
import org.propusk.identifiers.LoginIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The first administrator, named in configuration ({@code propusk.administration.first-administrator},
 * a phone or e-mail login): while the platform has no administrator at all, that account gets the
 * role, audited as {@code role_granted} without a granting administrator. Tried at every start
 * (once the application is ready) and whenever an account is opened, so that the named person may
 * register after the platform started; once anybody is an administrator, the setting does
 * nothing more (administrators are then granted in the admin pages).
 */
@Component
class FirstAdministrator {

  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  private final RoleService roles;
  private final Optional<LoginIdentifier> login;

  FirstAdministrator(RoleService roles, @Value("${propusk.administration.first-administrator:}") String configured) {
    this.roles = roles;
    this.login = LoginIdentifier.classify(configured).filter(l -> !(l instanceof LoginIdentifier.BySnils));
    if (!configured.isBlank() && login.isEmpty()) {
      throw new IllegalStateException(
          "propusk.administration.first-administrator must be a mobile phone or an e-mail address");
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    appoint();
  }

  @ApplicationModuleListener
  void on(AccountOpened opened) {
    appoint();
  }

  /** True when this call made the configured account the first administrator. */
  boolean appoint() {
    if (login.isEmpty()) {
      return false;
    }
    boolean appointed = roles.appointFirstAdministrator(login.get());
    if (appointed) {
      log.info("The account named in propusk.administration.first-administrator is now an administrator");
    }
    return appointed;
  }
}
