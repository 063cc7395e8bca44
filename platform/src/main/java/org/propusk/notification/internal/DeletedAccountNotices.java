package org.propusk.notification.internal;

import java.util.Locale;
import org.propusk.account.AccountDeleted;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.MobilePhone;
import org.propusk.shared.Messages;
import org.propusk.shared.OneTimeSecrets;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account: its owner is told at the contacts it had, which the event carries sealed
 * (the account no longer knows them); the messages sent to those contacts are forgotten, and the
 * notice itself is recorded only with the contact masked. Two listeners, so that a gateway that is
 * down delays the notice (retried by the outbox) but never the erasure.
 */
@Component
class DeletedAccountNotices {

  private final Delivery delivery;
  private final Messages messages;
  private final OneTimeSecrets secrets;

  DeletedAccountNotices(Delivery delivery, Messages messages, OneTimeSecrets secrets) {
    this.delivery = delivery;
    this.messages = messages;
    this.secrets = secrets;
  }

  @ApplicationModuleListener
  void forgetMessages(AccountDeleted event) {
    delivery.forgetSentTo(event.contacts(secrets));
  }

  @ApplicationModuleListener
  void tell(AccountDeleted event) {
    Locale locale = Locale.forLanguageTag(event.locale() == null ? "ru" : event.locale());
    if (event.phone() != null) {
      MobilePhone phone = MobilePhone.parse(secrets.open(event.phone())).value();
      delivery.deliver(
          new OutgoingMessage(
              OutgoingMessage.Channel.SMS, phone.e164(), null, messages.in(locale, "notification.account-deleted.sms")),
          phone.masked());
    }
    if (event.email() != null) {
      EmailAddress email = EmailAddress.parse(secrets.open(event.email())).value();
      delivery.deliver(
          new OutgoingMessage(
              OutgoingMessage.Channel.EMAIL,
              email.value(),
              messages.in(locale, "notification.account-deleted.email.subject"),
              messages.in(locale, "notification.account-deleted.email.body")),
          email.masked());
    }
  }
}
