package org.propusk.recovery.internal;

import java.time.Instant;
import java.util.UUID;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.MobilePhone;
import org.propusk.identifiers.Parsed;

/** What the pages and the API show of a recovery; the contact only masked, as typed. */
record RecoveryView(
    UUID id,
    String state,
    String channel,
    String maskedContact,
    Instant codeExpiresAt,
    boolean codeSpent,
    Instant resendAvailableAt,
    Instant expiresAt) {

  static RecoveryView of(RecoveryFlow flow, RecoveryPolicy policy) {
    String masked =
        switch (flow.channel()) {
          case SMS ->
              MobilePhone.parse(flow.contact()) instanceof Parsed.Valid<MobilePhone> phone
                  ? phone.value().masked()
                  : "***"; // a SNILS login: nothing to show
          case EMAIL -> EmailAddress.parse(flow.contact()).value().masked();
        };
    return new RecoveryView(
        flow.id(),
        flow.state().apiName(),
        flow.channel().apiName(),
        masked,
        flow.code().expiresAt(),
        flow.code().spent(policy.codeRules(flow.channel())),
        flow.code().resendAvailableAt(policy.codeRules(flow.channel())),
        flow.expiresAt());
  }
}
