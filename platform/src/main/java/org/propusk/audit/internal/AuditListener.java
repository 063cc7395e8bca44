package org.propusk.audit.internal;

import org.propusk.account.AccountOpened;
import org.propusk.account.ContactChanged;
import org.propusk.account.LevelChanged;
import org.propusk.account.PasswordChanged;
import org.propusk.audit.AuditKind;
import org.propusk.authentication.SignedInEvent;
import org.propusk.verification.DocumentCheckCompleted;
import org.propusk.verification.ProfileChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Writes an audit entry for every security-relevant domain event, after its transaction. */
@Component
class AuditListener {

  private final AuditLog log;

  AuditListener(AuditLog log) {
    this.log = log;
  }

  @ApplicationModuleListener
  void on(AccountOpened event) {
    log.append(event.accountId(), AuditKind.ACCOUNT_OPENED, "citizen", null, "level=" + event.level().apiName());
  }

  @ApplicationModuleListener
  void on(SignedInEvent event) {
    log.append(event.accountId(), AuditKind.SIGNED_IN, "citizen", event.clientAddress(), null);
  }

  @ApplicationModuleListener
  void on(PasswordChanged event) {
    log.append(event.accountId(), AuditKind.PASSWORD_CHANGED, "citizen", null, null);
  }

  @ApplicationModuleListener
  void on(ContactChanged event) {
    log.append(event.accountId(), AuditKind.CONTACT_CHANGED, "citizen", null, "channel=" + event.channel());
  }

  @ApplicationModuleListener
  void on(ProfileChanged event) {
    log.append(
        event.accountId(), AuditKind.PROFILE_CHANGED, "citizen", null, "fields=" + String.join(",", event.fields().stream().sorted().toList()));
  }

  @ApplicationModuleListener
  void on(DocumentCheckCompleted event) {
    log.append(
        event.accountId(),
        AuditKind.DOCUMENT_CHECKED,
        "registry",
        null,
        "document=" + event.document().name().toLowerCase(java.util.Locale.ROOT)
            + " outcome=" + event.outcome().apiName()
            + (event.reason() == null ? "" : " reason=" + event.reason().apiName()));
  }

  @ApplicationModuleListener
  void on(LevelChanged event) {
    log.append(
        event.accountId(), AuditKind.LEVEL_CHANGED, "system", null, "from=" + event.from().apiName() + " to=" + event.to().apiName());
  }
}
