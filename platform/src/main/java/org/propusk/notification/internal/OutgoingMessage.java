package org.propusk.notification.internal;

/** A message ready to go: {@code subject} is null for SMS. */
record OutgoingMessage(Channel channel, String recipient, String subject, String body) {

  enum Channel {
    SMS,
    EMAIL
  }
}
