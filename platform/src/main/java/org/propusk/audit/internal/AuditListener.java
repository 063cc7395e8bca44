package org.propusk.audit.internal;

import java.util.Locale;
import org.propusk.account.AccountDeleted;
import org.propusk.account.AccountOpened;
import org.propusk.account.ContactChangeCancelled;
import org.propusk.account.ContactChangeScheduled;
import org.propusk.account.ContactChanged;
import org.propusk.account.IdentityConfirmed;
import org.propusk.account.LevelChanged;
import org.propusk.account.PasswordChanged;
import org.propusk.account.RoleGranted;
import org.propusk.account.RoleRevoked;
import org.propusk.audit.AuditKind;
import org.propusk.operator.OperatorActed;
import org.propusk.operator.ServiceCentreAdded;
import org.propusk.federation.CatalogueEntryChanged;
import org.propusk.federation.ClientSecretIssued;
import org.propusk.federation.RelyingPartyChanged;
import org.propusk.federation.RelyingPartyDeactivated;
import org.propusk.federation.RelyingPartyRegistered;
import org.propusk.authentication.SecondFactorFailed;
import org.propusk.federation.AuthorizationCodeReplayed;
import org.propusk.federation.RefreshTokenReuseDetected;
import org.propusk.federation.SigningKeyRotated;
import org.propusk.authentication.RecoveryCodeUsed;
import org.propusk.authentication.RecoveryCodesRenewed;
import org.propusk.authentication.SecondFactorChanged;
import org.propusk.authentication.SignInFailedEvent;
import org.propusk.authentication.SignedInEvent;
import org.propusk.authentication.SignedOutEvent;
import org.propusk.federation.AttributesReleased;
import org.propusk.federation.ConsentGranted;
import org.propusk.federation.ConsentWithdrawn;
import org.propusk.recovery.RecoveryCompleted;
import org.propusk.recovery.RecoveryStarted;
import org.propusk.recovery.SecondFactorBypassed;
import org.propusk.verification.DocumentCheckCompleted;
import org.propusk.verification.ProfileChanged;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes an audit entry for every security-relevant domain event, after its transaction (a sign-in's
 * within it), with the time and client address the event carries.
 */
@Component
class AuditListener {

  /** The last detail of an operator's action: the centre's name, which may hold spaces. */
  static final String OPERATOR_CENTRE_NAME = "centre_name=";

  private final AuditLog log;

  AuditListener(AuditLog log) {
    this.log = log;
  }

  @ApplicationModuleListener
  void on(AccountOpened event) {
    log.append(event.accountId(), AuditKind.ACCOUNT_OPENED, "citizen", event.occurrence(), "level=" + event.level().apiName());
  }

  /**
   * In the sign-in's own transaction rather than through the event publication registry: the
   * commonest entry of all would otherwise cost a publication row, its completion and a transaction
   * of its own at every sign-in; a sign-in that rolls back is not recorded.
   */
  @EventListener
  void on(SignedInEvent event) {
    log.append(event.accountId(), AuditKind.SIGNED_IN, "citizen", event.occurrence(), null);
  }

  @ApplicationModuleListener
  void on(SignInFailedEvent event) {
    log.append(event.accountId(), AuditKind.SIGN_IN_FAILED, "citizen", event.occurrence(), null);
  }

  @ApplicationModuleListener
  void on(SecondFactorFailed event) {
    log.append(event.accountId(), AuditKind.SECOND_FACTOR_FAILED, "citizen", event.occurrence(), "method=" + event.method());
  }

  @ApplicationModuleListener
  void on(SignedOutEvent event) {
    log.append(event.accountId(), AuditKind.SIGNED_OUT, "citizen", event.occurrence(), null);
  }

  @ApplicationModuleListener
  void on(RecoveryStarted event) {
    log.append(event.accountId(), AuditKind.RECOVERY_STARTED, "citizen", event.occurrence(), null);
  }

  @ApplicationModuleListener
  void on(RecoveryCompleted event) {
    log.append(event.accountId(), AuditKind.RECOVERY_COMPLETED, "citizen", event.occurrence(), null);
  }

  @ApplicationModuleListener
  void on(SecondFactorBypassed event) {
    log.append(event.accountId(), AuditKind.SECOND_FACTOR_BYPASSED, "citizen", event.occurrence(), "via=" + event.via());
  }

  @ApplicationModuleListener
  void on(PasswordChanged event) {
    log.append(event.accountId(), AuditKind.PASSWORD_CHANGED, "citizen", event.occurrence(), null);
  }

  @ApplicationModuleListener
  void on(ContactChangeScheduled event) {
    log.append(
        event.accountId(), AuditKind.CONTACT_CHANGE_REQUESTED, "citizen", event.occurrence(), "channel=" + event.channel());
  }

  @ApplicationModuleListener
  void on(ContactChangeCancelled event) {
    log.append(
        event.accountId(),
        AuditKind.CONTACT_CHANGE_CANCELLED,
        "citizen",
        event.occurrence(),
        "channel=" + event.channel() + " by=" + (event.byLink() ? "link sessions_ended" : "owner"));
  }

  @ApplicationModuleListener
  void on(ContactChanged event) {
    log.append(event.accountId(), AuditKind.CONTACT_CHANGED, "citizen", event.occurrence(), "channel=" + event.channel());
  }

  @ApplicationModuleListener
  void on(ProfileChanged event) {
    log.append(
        event.accountId(),
        AuditKind.PROFILE_CHANGED,
        "citizen",
        event.occurrence(),
        "fields=" + String.join(",", event.fields().stream().sorted().toList()));
  }

  @ApplicationModuleListener
  void on(DocumentCheckCompleted event) {
    log.append(
        event.accountId(),
        AuditKind.DOCUMENT_CHECKED,
        "registry",
        event.occurrence(),
        "document=" + event.document().name().toLowerCase(Locale.ROOT)
            + " outcome=" + event.outcome().apiName()
            + (event.reason() == null ? "" : " reason=" + event.reason().apiName()));
  }

  @ApplicationModuleListener
  void on(IdentityConfirmed event) {
    log.append(
        event.accountId(),
        AuditKind.IDENTITY_CONFIRMED,
        "system",
        event.occurrence(),
        "method=" + event.proof().method().apiName() + " source=" + event.proof().source());
  }

  @ApplicationModuleListener
  void on(LevelChanged event) {
    log.append(
        event.accountId(),
        AuditKind.LEVEL_CHANGED,
        "system",
        event.occurrence(),
        "from=" + event.from().apiName() + " to=" + event.to().apiName());
  }

  /**
   * The trail keeps what happened to a deleted account and when, under its random id, but no
   * longer where from: the client addresses of its entries are dropped, and the deletion itself is
   * recorded without one.
   */
  @ApplicationModuleListener
  void on(AccountDeleted event) {
    log.forget(event.accountId(), event.occurrence().at());
  }

  @ApplicationModuleListener
  void on(SecondFactorChanged event) {
    log.append(
        event.accountId(),
        event.on() ? AuditKind.SECOND_FACTOR_ON : AuditKind.SECOND_FACTOR_OFF,
        "citizen",
        event.occurrence(),
        "method=" + event.method().amr());
  }

  @ApplicationModuleListener
  void on(RecoveryCodeUsed event) {
    log.append(event.accountId(), AuditKind.RECOVERY_CODE_USED, "citizen", event.occurrence(), "left=" + event.left());
  }

  @ApplicationModuleListener
  void on(RecoveryCodesRenewed event) {
    log.append(event.accountId(), AuditKind.RECOVERY_CODES_RENEWED, "citizen", event.occurrence(), null);
  }

  @ApplicationModuleListener
  void on(RoleGranted event) {
    log.append(
        event.accountId(),
        AuditKind.ROLE_GRANTED,
        event.grantedBy() == null ? "system" : "administrator",
        event.occurrence(),
        "role=" + event.role().apiName() + " by=" + (event.grantedBy() == null ? "configuration" : event.grantedBy()));
  }

  @ApplicationModuleListener
  void on(RoleRevoked event) {
    log.append(
        event.accountId(),
        AuditKind.ROLE_REVOKED,
        "administrator",
        event.occurrence(),
        "role=" + event.role().apiName() + " by=" + event.revokedBy());
  }

  @ApplicationModuleListener
  void on(RelyingPartyRegistered event) {
    log.append(event.administrator(), AuditKind.RELYING_PARTY_REGISTERED, "administrator", event.occurrence(), "client=" + event.clientId());
  }

  @ApplicationModuleListener
  void on(RelyingPartyChanged event) {
    log.append(
        event.administrator(),
        AuditKind.RELYING_PARTY_CHANGED,
        "administrator",
        event.occurrence(),
        "client=" + event.clientId() + " version=" + event.version());
  }

  @ApplicationModuleListener
  void on(RelyingPartyDeactivated event) {
    log.append(event.administrator(), AuditKind.RELYING_PARTY_DEACTIVATED, "administrator", event.occurrence(), "client=" + event.clientId());
  }

  @ApplicationModuleListener
  void on(CatalogueEntryChanged event) {
    log.append(
        event.administrator(),
        event.added() ? AuditKind.CATALOGUE_ENTRY_ADDED : AuditKind.CATALOGUE_ENTRY_CHANGED,
        "administrator",
        event.occurrence(),
        "entry=" + event.code() + (event.added() ? "" : " fields=" + String.join(",", event.fields())) + " shown=" + event.shown());
  }

  @ApplicationModuleListener
  void on(ClientSecretIssued event) {
    log.append(event.administrator(), AuditKind.CLIENT_SECRET_ISSUED, "administrator", event.occurrence(), "client=" + event.clientId());
  }

  @ApplicationModuleListener
  void on(AuthorizationCodeReplayed event) {
    log.append(event.accountId(), AuditKind.AUTHORIZATION_CODE_REPLAYED, "service", event.occurrence(), "client=" + event.clientId());
  }

  @ApplicationModuleListener
  void on(RefreshTokenReuseDetected event) {
    log.append(event.accountId(), AuditKind.REFRESH_TOKEN_REUSED, "service", event.occurrence(), "client=" + event.clientId());
  }

  @ApplicationModuleListener
  void on(SigningKeyRotated event) {
    log.append(
        null,
        AuditKind.SIGNING_KEY_ROTATED,
        "system",
        event.occurrence(),
        "alg=" + event.algorithm() + " active=" + event.activeKeyId() + " retired=" + event.retiredKeyId());
  }

  @ApplicationModuleListener
  void on(ConsentGranted event) {
    log.append(
        event.accountId(),
        AuditKind.CONSENT_GRANTED,
        "citizen",
        event.occurrence(),
        "client=" + event.clientId() + " scopes=" + String.join(",", event.scopes()));
  }

  @ApplicationModuleListener
  void on(ConsentWithdrawn event) {
    log.append(
        event.accountId(),
        AuditKind.CONSENT_WITHDRAWN,
        "citizen",
        event.occurrence(),
        "client=" + event.clientId() + " by=" + (event.refused() ? "refusal" : "withdrawal"));
  }

  @ApplicationModuleListener
  void on(AttributesReleased event) {
    log.append(
        event.accountId(),
        AuditKind.ATTRIBUTES_RELEASED,
        "system",
        event.occurrence(),
        "client=" + event.clientId() + " channel=" + event.channel() + " claims=" + String.join(",", event.claims()));
  }

  @ApplicationModuleListener
  void on(OperatorActed event) {
    String details =
        ("action=" + event.action().apiName() + " centre=" + event.centreCode() + " operator=" + event.operatorId() + " " + event.detail()).strip()
            + " " + OPERATOR_CENTRE_NAME + event.centreName();
    log.append(event.operatorId(), AuditKind.OPERATOR_ACTION, "operator", event.occurrence(), details);
    if (event.citizenId() != null && !event.citizenId().equals(event.operatorId())) {
      log.append(event.citizenId(), AuditKind.OPERATOR_ACTION, "operator", event.occurrence(), details);
    }
  }

  @ApplicationModuleListener
  void on(ServiceCentreAdded event) {
    log.append(event.administrator(), AuditKind.SERVICE_CENTRE_ADDED, "administrator", event.occurrence(), "centre=" + event.code());
  }
}
