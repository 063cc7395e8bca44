package org.propusk.registration.internal;

import java.time.Instant;
import java.util.UUID;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.MobilePhone;

/**
 * What the pages and the API show of a flow to one client; the contact only masked. An opened link
 * shows as {@code contact_confirmed} to the browser holding it and as {@code code_sent} to others.
 */
record FlowView(
    UUID id,
    String state,
    String channel,
    String maskedContact,
    Instant codeExpiresAt,
    boolean codeSpent,
    Instant resendAvailableAt,
    Instant expiresAt) {

  static FlowView of(RegistrationFlow flow, RegistrationState seen, RegistrationPolicy policy) {
    String masked =
        flow.channel() == RegistrationFlow.Channel.SMS
            ? MobilePhone.parse(flow.contact()).value().masked()
            : EmailAddress.parse(flow.contact()).value().masked();
    return new FlowView(
        flow.id(),
        seen.apiName(),
        flow.channel().apiName(),
        masked,
        flow.code().expiresAt(),
        flow.code().spent(policy.codeRules(flow.channel())),
        flow.resendAvailableAt(policy),
        flow.expiresAt());
  }
}
