package org.propusk.notification.internal;

/** Port to a mail server. Throws when the server did not accept the letter. */
interface MailGateway {

  void send(String address, String subject, String body);
}
