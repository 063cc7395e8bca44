package org.propusk.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.propusk.registration.RegistrationCodeIssued;
import org.propusk.shared.Messages;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Turns domain events into messages in the citizen's language and delivers them. */
@Component
class NotificationListener {

  private final Delivery delivery;
  private final Messages messages;
  private final Clock clock;

  NotificationListener(Delivery delivery, Messages messages, Clock clock) {
    this.delivery = delivery;
    this.messages = messages;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(RegistrationCodeIssued event) {
    Locale locale = Locale.forLanguageTag(event.locale());
    long minutes =
        Math.max(1, Duration.between(clock.instant(), event.codeExpiresAt()).toMinutes() + 1);
    OutgoingMessage message =
        switch (event.channel()) {
          case "sms" ->
              new OutgoingMessage(
                  OutgoingMessage.Channel.SMS,
                  event.recipient(),
                  null,
                  messages.in(locale, "notification.registration.sms", event.code(), minutes));
          case "email" ->
              new OutgoingMessage(
                  OutgoingMessage.Channel.EMAIL,
                  event.recipient(),
                  messages.in(locale, "notification.registration.email.subject"),
                  messages.in(
                      locale,
                      "notification.registration.email.body",
                      event.link(),
                      event.code(),
                      minutes));
          default -> throw new IllegalArgumentException("unknown channel " + event.channel());
        };
    delivery.deliver(message);
  }
}
