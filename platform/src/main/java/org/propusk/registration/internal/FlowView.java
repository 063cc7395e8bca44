package org.propusk.registration.internal;

import java.time.Instant;
import java.util.UUID;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.MobilePhone;

/** What the pages and the API show of a flow; the contact only masked. */
record FlowView(
    UUID id,
    String state,
    String channel,
    String maskedContact,
    Instant codeExpiresAt,
    boolean codeSpent,
    Instant resendAvailableAt,
    Instant expiresAt) {

  static FlowView of(RegistrationFlow flow, RegistrationPolicy policy) {
    String masked =
        flow.channel() == RegistrationFlow.Channel.SMS
            ? MobilePhone.parse(flow.contact()).value().masked()
            : EmailAddress.parse(flow.contact()).value().masked();
    return new FlowView(
        flow.id(),
        flow.state().apiName(),
        flow.channel().apiName(),
        masked,
        flow.code().expiresAt(),
        flow.code().spent(policy.codeRules(flow.channel())),
        flow.resendAvailableAt(policy),
        flow.expiresAt());
  }
}
