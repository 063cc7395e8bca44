package org.propusk.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.propusk.account.Accounts;
import org.propusk.account.ContactChangeCancelled;
import org.propusk.account.ContactChangeCodeIssued;
import org.propusk.account.ContactChangeScheduled;
import org.propusk.account.ContactChanged;
import org.propusk.account.ContactsReplaced;
import org.propusk.account.LevelChanged;
import org.propusk.account.PasswordChanged;
import org.propusk.operator.ContactProofCodeIssued;
import org.propusk.authentication.RecoveryCodeUsed;
import org.propusk.authentication.RecoveryCodesRenewed;
import org.propusk.authentication.SecondFactorChanged;
import org.propusk.authentication.SecondFactorCodeIssued;
import org.propusk.authentication.SignedInFromNewDevice;
import org.propusk.authentication.WrongSecondFactorCodes;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.verification.CheckState;
import org.propusk.verification.DocumentCheckCompleted;
import org.propusk.recovery.RecoveryCodeIssued;
import org.propusk.recovery.SecondFactorBypassed;
import org.propusk.registration.RegistrationCodeIssued;
import org.propusk.shared.Messages;
import org.propusk.shared.OneTimeSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Turns domain events into messages in the citizen's language and delivers them. */
@Component
class NotificationListener {

  /** The times in messages are Moscow time, as the portal shows them. */
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  private final Delivery delivery;
  private final Messages messages;
  private final Clock clock;
  private final Accounts accounts;
  private final OneTimeSecrets secrets;
  private final String publicUrl;

  NotificationListener(
      Delivery delivery,
      Messages messages,
      Clock clock,
      Accounts accounts,
      OneTimeSecrets secrets,
      @Value("${propusk.public-url}") String publicUrl) {
    this.delivery = delivery;
    this.messages = messages;
    this.clock = clock;
    this.accounts = accounts;
    this.secrets = secrets;
    this.publicUrl = publicUrl;
  }

  @ApplicationModuleListener
  void on(RecoveryCodeIssued event) {
    deliverCode(
        Delivery.CodePurpose.RECOVERY, event.channel(), event.recipient(), Locale.forLanguageTag(event.locale()),
        "notification.recovery", secrets.open(event.code()), event.codeExpiresAt());
  }

  /** Tells every contact of the account, so that a stranger's change does not go unnoticed. */
  @ApplicationModuleListener
  void on(PasswordChanged event) {
    toAccount(
        event.accountId(),
        locale -> messages.in(locale, "notification.password-changed.sms"),
        locale -> messages.in(locale, "notification.password-changed.email.subject"),
        locale -> messages.in(locale, "notification.password-changed.email.body"));
  }

  /** Every contact learns that a recovery went past the second factor through the other contact. */
  @ApplicationModuleListener
  void on(SecondFactorBypassed event) {
    toAccount(
        event.accountId(),
        locale -> messages.in(locale, "notification.second-factor-bypassed.sms", messages.in(locale, "notification.via." + event.via())),
        locale -> messages.in(locale, "notification.second-factor-bypassed.email.subject"),
        locale ->
            messages.in(
                locale, "notification.second-factor-bypassed.email.body", messages.in(locale, "notification.via." + event.via())));
  }

  /** A sign-in from a browser new to the login: the owner can end that session if it was not them. */
  @ApplicationModuleListener
  void on(SignedInFromNewDevice event) {
    String when =
        DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(MOSCOW).format(event.occurrence().at());
    String address = event.occurrence().clientAddress();
    String sessions = publicUrl + "/account/security";
    toAccount(
        event.accountId(),
        locale -> messages.in(locale, "notification.new-device.sms", device(event, locale), sessions),
        locale -> messages.in(locale, "notification.new-device.email.subject"),
        locale ->
            messages.in(
                locale, "notification.new-device.email.body", device(event, locale), address, when, sessions));
  }

  private String device(SignedInFromNewDevice event, Locale locale) {
    return event.device() != null ? event.device() : messages.in(locale, "notification.new-device.unknown");
  }

  /** A second-factor code goes by SMS to the account's confirmed phone. */
  @ApplicationModuleListener
  void on(SecondFactorCodeIssued event) {
    Locale locale = Locale.forLanguageTag(event.locale());
    delivery.deliverCode(
        Delivery.CodePurpose.SECOND_FACTOR,
        new OutgoingMessage(
            OutgoingMessage.Channel.SMS,
            event.recipient(),
            null,
            messages.in(
                locale,
                "notification.second-factor.code.sms",
                secrets.open(event.code()),
                minutesLeft(event.codeExpiresAt()))));
  }

  /** A second factor turned on or off is told to every contact, so that a stranger's change is noticed. */
  @ApplicationModuleListener
  void on(SecondFactorChanged event) {
    String state = event.on() ? "on" : "off";
    String method = "notification.second-factor.method." + event.method().name().toLowerCase(Locale.ROOT);
    toAccount(
        event.accountId(),
        locale -> messages.in(locale, "notification.second-factor." + state + ".sms", messages.in(locale, method)),
        locale -> messages.in(locale, "notification.second-factor." + state + ".subject"),
        locale -> messages.in(locale, "notification.second-factor." + state + ".body", messages.in(locale, method)));
  }

  @ApplicationModuleListener
  void on(RecoveryCodeUsed event) {
    toAccount(
        event.accountId(),
        locale -> messages.in(locale, "notification.recovery-code-used.sms", event.left()),
        locale -> messages.in(locale, "notification.recovery-code-used.subject"),
        locale -> messages.in(locale, "notification.recovery-code-used.body", event.left()));
  }

  /** New recovery codes void the old ones: told to every contact, so that a stranger's renewal is noticed. */
  @ApplicationModuleListener
  void on(RecoveryCodesRenewed event) {
    toAccount(
        event.accountId(),
        locale -> messages.in(locale, "notification.recovery-codes-renewed.sms"),
        locale -> messages.in(locale, "notification.recovery-codes-renewed.subject"),
        locale -> messages.in(locale, "notification.recovery-codes-renewed.body"));
  }

  /**
   * Wrong second-factor codes (the first, then at most one notice an hour): whoever typed them got
   * past the password, so the owner is told to change it.
   */
  @ApplicationModuleListener
  void on(WrongSecondFactorCodes event) {
    String method =
        java.util.Arrays.stream(AuthenticationMethod.values())
            .filter(m -> m.amr().equals(event.method()))
            .findFirst()
            .map(m -> "notification.second-factor.method." + m.name().toLowerCase(Locale.ROOT))
            .orElse("notification.second-factor.method.totp");
    toAccount(
        event.accountId(),
        locale -> messages.in(locale, "notification.wrong-second-factor.sms"),
        locale -> messages.in(locale, "notification.wrong-second-factor.subject"),
        locale -> messages.in(locale, "notification.wrong-second-factor.body", messages.in(locale, method)));
  }

  /** The code for a new phone or e-mail goes to that new contact. */
  @ApplicationModuleListener
  void on(ContactChangeCodeIssued event) {
    deliverCode(
        Delivery.CodePurpose.CONTACT_CHANGE, event.channel(), event.recipient(), Locale.forLanguageTag(event.locale()),
        "notification.contact-change", secrets.open(event.code()), event.codeExpiresAt());
  }

  /** The code a visitor reads out to a service-centre operator; the visitor is there, in Russian. */
  @ApplicationModuleListener
  void on(ContactProofCodeIssued event) {
    deliverCode(
        Delivery.CodePurpose.SERVICE_CENTRE, event.channel(), event.recipient(), Locale.forLanguageTag("ru"),
        "notification.contact-proof", secrets.open(event.code()), event.codeExpiresAt());
  }

  /** The old contact learns that it was replaced. */
  @ApplicationModuleListener
  void on(ContactChanged event) {
    if (event.previous() == null) {
      return;
    }
    Locale locale = Locale.forLanguageTag("ru");
    delivery.deliver(
        "sms".equals(event.channel())
            ? new OutgoingMessage(
                OutgoingMessage.Channel.SMS, event.previous(), null, messages.in(locale, "notification.contact-changed.sms"))
            : new OutgoingMessage(
                OutgoingMessage.Channel.EMAIL,
                event.previous(),
                messages.in(locale, "notification.contact-changed.email.subject"),
                messages.in(locale, "notification.contact-changed.email.body")));
  }

  /** A service centre replaced every contact: the old phone and e-mail learn of it. */
  @ApplicationModuleListener
  void on(ContactsReplaced event) {
    Locale locale = Locale.forLanguageTag("ru");
    if (event.previousPhone() != null) {
      delivery.deliver(
          new OutgoingMessage(
              OutgoingMessage.Channel.SMS, event.previousPhone(), null, messages.in(locale, "notification.contacts-replaced.sms")));
    }
    if (event.previousEmail() != null) {
      delivery.deliver(
          new OutgoingMessage(
              OutgoingMessage.Channel.EMAIL,
              event.previousEmail(),
              messages.in(locale, "notification.contacts-replaced.email.subject"),
              messages.in(locale, "notification.contacts-replaced.email.body")));
    }
  }

  /**
   * A new contact was proven and takes effect later: every present contact of the account (the old
   * ones, still in place) hears of it at once, with the link that cancels it.
   */
  @ApplicationModuleListener
  void on(ContactChangeScheduled event) {
    String link = publicUrl + "/contact-change/cancel/" + secrets.open(event.cancelToken());
    String when = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(MOSCOW).format(event.effectiveAt());
    String what = "notification.contact-change-scheduled.what." + event.channel();
    toAccount(
        event.accountId(),
        locale ->
            messages.in(
                locale, "notification.contact-change-scheduled.sms", messages.in(locale, what), event.maskedContact(), when,
                link),
        locale -> messages.in(locale, "notification.contact-change-scheduled.email.subject"),
        locale ->
            messages.in(
                locale, "notification.contact-change-scheduled.email.body", messages.in(locale, what),
                event.maskedContact(), when, link));
  }

  /** A pending change was cancelled: the account hears of it, and whether its sessions ended. */
  @ApplicationModuleListener
  void on(ContactChangeCancelled event) {
    java.util.function.Function<Locale, String> sessions =
        locale -> event.byLink() ? messages.in(locale, "notification.contact-change-cancelled.sessions-ended") : "";
    toAccount(
        event.accountId(),
        locale -> messages.in(locale, "notification.contact-change-cancelled.sms", sessions.apply(locale)),
        locale -> messages.in(locale, "notification.contact-change-cancelled.email.subject"),
        locale -> messages.in(locale, "notification.contact-change-cancelled.email.body", sessions.apply(locale)));
  }

  /** The outcome of a registry check, verified or failed (the reason is on the profile page). */
  @ApplicationModuleListener
  void on(DocumentCheckCompleted event) {
    String outcome = event.outcome() == CheckState.VERIFIED ? "verified" : "failed";
    String document = "notification.document." + event.document().name().toLowerCase(Locale.ROOT);
    toAccount(
        event.accountId(),
        locale -> messages.in(locale, "notification.check." + outcome + ".sms", messages.in(locale, document)),
        locale -> messages.in(locale, "notification.check.subject"),
        locale -> messages.in(locale, "notification.check." + outcome + ".body", messages.in(locale, document)));
  }

  @ApplicationModuleListener
  void on(LevelChanged event) {
    toAccount(
        event.accountId(),
        locale -> messages.in(locale, "notification.level.sms", messages.in(locale, "level." + event.to().apiName())),
        locale -> messages.in(locale, "notification.level.subject"),
        locale -> messages.in(locale, "notification.level.body", messages.in(locale, "level." + event.to().apiName())));
  }

  /** A notice to every confirmed contact of an account, in Russian (the default language). */
  private void toAccount(
      java.util.UUID accountId,
      java.util.function.Function<Locale, String> sms,
      java.util.function.Function<Locale, String> subject,
      java.util.function.Function<Locale, String> body) {
    Locale locale = Locale.forLanguageTag("ru");
    accounts
        .find(accountId)
        .ifPresent(
            account -> {
              if (account.phone() != null) {
                delivery.deliver(
                    new OutgoingMessage(OutgoingMessage.Channel.SMS, account.phone(), null, sms.apply(locale)));
              }
              if (account.email() != null) {
                delivery.deliver(
                    new OutgoingMessage(
                        OutgoingMessage.Channel.EMAIL, account.email(), subject.apply(locale), body.apply(locale)));
              }
            });
  }

  @ApplicationModuleListener
  void on(RegistrationCodeIssued event) {
    Locale locale = Locale.forLanguageTag(event.locale());
    long minutes = minutesLeft(event.codeExpiresAt());
    String code = secrets.open(event.code());
    OutgoingMessage message =
        switch (event.channel()) {
          case "sms" ->
              new OutgoingMessage(
                  OutgoingMessage.Channel.SMS,
                  event.recipient(),
                  null,
                  messages.in(locale, "notification.registration.sms", code, minutes));
          case "email" ->
              new OutgoingMessage(
                  OutgoingMessage.Channel.EMAIL,
                  event.recipient(),
                  messages.in(locale, "notification.registration.email.subject"),
                  messages.in(
                      locale,
                      "notification.registration.email.body",
                      secrets.open(event.link()),
                      code,
                      minutes));
          default -> throw new IllegalArgumentException("unknown channel " + event.channel());
        };
    delivery.deliverCode(Delivery.CodePurpose.REGISTRATION, message);
  }

  /**
   * A one-time code to the contact it proves: by SMS the message {@code <key>.sms}, else an e-mail
   * of {@code <key>.email.subject} and {@code <key>.email.body}; each text gets the code and the
   * minutes it has left.
   */
  private void deliverCode(
      Delivery.CodePurpose purpose, String channel, String recipient, Locale locale, String key, String code, Instant expiresAt) {
    long minutes = minutesLeft(expiresAt);
    delivery.deliverCode(
        purpose,
        "sms".equals(channel)
            ? new OutgoingMessage(OutgoingMessage.Channel.SMS, recipient, null, messages.in(locale, key + ".sms", code, minutes))
            : new OutgoingMessage(
                OutgoingMessage.Channel.EMAIL,
                recipient,
                messages.in(locale, key + ".email.subject"),
                messages.in(locale, key + ".email.body", code, minutes)));
  }

  private long minutesLeft(Instant expiresAt) {
    long millis = Duration.between(clock.instant(), expiresAt).toMillis();
    return Math.max(1, (millis + 59_999) / 60_000);
  }
}
