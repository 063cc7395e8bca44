package org.propusk.notification.internal;

/** Port to an SMS gateway. Throws when the gateway did not accept the message. */
interface SmsGateway {

  void send(String phoneE164, String text);
}
