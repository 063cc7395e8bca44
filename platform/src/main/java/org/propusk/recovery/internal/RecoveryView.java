package org.propusk.recovery.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.MobilePhone;
import org.propusk.identifiers.Parsed;

/**
 * What the pages and the API show of a recovery; the contact only masked, as typed. At the
 * second-factor step: the methods the citizen may use ({@code totp}, {@code recovery_code}) and the
 * account's other contact, masked, for a citizen who lost the second factor (null when it has none).
 */
record RecoveryView(
    UUID id,
    String state,
    String channel,
    String maskedContact,
    Instant codeExpiresAt,
    boolean codeSpent,
    Instant resendAvailableAt,
    Instant expiresAt,
    List<String> secondFactors,
    String otherContact) {

  static RecoveryView of(RecoveryFlow flow, RecoveryPolicy policy) {
    RecoveryFlow.Channel channel = flow.codeChannel();
    return new RecoveryView(
        flow.id(),
        flow.state().apiName(),
        channel.apiName(),
        channel == flow.channel() ? mask(channel, flow.contact()) : null,
        flow.code().expiresAt(),
        flow.code().spent(policy.codeRules(channel)),
        flow.code().resendAvailableAt(policy.codeRules(channel)),
        flow.expiresAt(),
        List.of(),
        null);
  }

  /** The same with the second-factor step's choices and the other contact, masked. */
  RecoveryView withSecondFactor(List<String> methods, String otherContactMasked) {
    return new RecoveryView(
        id, state, channel,
        maskedContact != null ? maskedContact : otherContactMasked,
        codeExpiresAt, codeSpent, resendAvailableAt, expiresAt, List.copyOf(methods), otherContactMasked);
  }

  /** No second factor at hand and no other contact: only a service centre can help. */
  public boolean serviceCentreOnly() {
    return "second_factor".equals(state) && secondFactors.isEmpty() && otherContact == null;
  }

  static String mask(RecoveryFlow.Channel channel, String contact) {
    return switch (channel) {
      case SMS ->
          MobilePhone.parse(contact) instanceof Parsed.Valid<MobilePhone> phone
              ? phone.value().masked()
              : "***"; // a SNILS login: nothing to show
      case EMAIL ->
          EmailAddress.parse(contact) instanceof Parsed.Valid<EmailAddress> email ? email.value().masked() : "***";
    };
  }
}
