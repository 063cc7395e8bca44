package org.propusk.notification.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.propusk.shared.DbTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands a message to its gateway and records that it was sent. A gateway failure propagates, so
 * that the event publication stays incomplete and is retried. Counts deliveries and failures per
 * channel ({@code propusk.notifications}) and codes sent per purpose ({@code propusk.codes.sent}).
 */
@Component
class Delivery {

  private final SmsGateway sms;
  private final MailGateway mail;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final boolean keepBodies;
  private final MeterRegistry metrics;

  Delivery(
      SmsGateway sms,
      MailGateway mail,
      JdbcClient jdbc,
      Clock clock,
      @Value("${propusk.notification.keep-bodies}") boolean keepBodies,
      MeterRegistry metrics) {
    this.sms = sms;
    this.mail = mail;
    this.jdbc = jdbc;
    this.clock = clock;
    this.keepBodies = keepBodies;
    this.metrics = metrics;
  }

  /** What a one-time code is for, as the {@code purpose} tag of {@code propusk.codes.sent}. */
  enum CodePurpose {
    REGISTRATION,
    RECOVERY,
    CONTACT_CHANGE,
    SERVICE_CENTRE,
    SECOND_FACTOR
  }

  void deliver(OutgoingMessage message) {
    deliver(message, message.recipient());
  }

  /** Delivers a message carrying a one-time code, and counts the code as sent once it is. */
  void deliverCode(CodePurpose purpose, OutgoingMessage message) {
    deliver(message);
    metrics
        .counter("propusk.codes.sent", "channel", tag(message.channel()), "purpose", purpose.name().toLowerCase(Locale.ROOT))
        .increment();
  }

  /** Delivers the message but records it as sent to {@code recordedAs}, e.g. a masked contact. */
  void deliver(OutgoingMessage message, String recordedAs) {
    try {
      switch (message.channel()) {
        case SMS -> sms.send(message.recipient(), message.body());
        case EMAIL -> mail.send(message.recipient(), message.subject(), message.body());
      }
    } catch (RuntimeException failed) {
      count(message, "failed");
      throw failed;
    }
    count(message, "delivered");
    // codes and links must not outlive their delivery, except in the development outbox
    jdbc.sql(
            """
            insert into notification_message (id, channel, recipient, subject, body, created_at)
            values (:id, :channel, :recipient, :subject, :body, :now)
            """)
        .param("id", UUID.randomUUID())
        .param("channel", message.channel().name())
        .param("recipient", recordedAs)
        .param("subject", message.subject())
        .param("body", keepBodies ? message.body() : null)
        .param("now", DbTime.of(clock.instant()))
        .update();
  }

  private void count(OutgoingMessage message, String outcome) {
    metrics.counter("propusk.notifications", "channel", tag(message.channel()), "outcome", outcome).increment();
  }

  private static String tag(OutgoingMessage.Channel channel) {
    return channel.name().toLowerCase(Locale.ROOT);
  }

  /** Forgets the messages sent to these contacts (compared ignoring case); returns how many. */
  int forgetSentTo(java.util.List<String> recipients) {
    if (recipients.isEmpty()) {
      return 0;
    }
    return jdbc.sql("delete from notification_message where lower(recipient) in (:recipients)")
        .param("recipients", recipients.stream().map(r -> r.toLowerCase(java.util.Locale.ROOT)).toList())
        .update();
  }
}
