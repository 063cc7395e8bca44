package org.propusk.account.internal;

import java.time.Duration;
import org.propusk.shared.ConfirmationCode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of a contact change, from {@code propusk.contact-change}: the code's, the
 * cooling-off period between the right code and the new contact taking effect, and how often the
 * job looks for changes whose period is over.
 */
@ConfigurationProperties("propusk.contact-change")
record ContactChangePolicy(
    int codeLength,
    Duration smsCodeTtl,
    Duration emailCodeTtl,
    Duration resendAfter,
    int wrongEntriesPerCode,
    int wrongEntriesPerFlow,
    Duration flowTtl,
    Duration coolingOff,
    Duration applyEvery) {

  ConfirmationCode.Rules codeRules(ContactChangeFlow.Channel channel) {
    return new ConfirmationCode.Rules(
        codeLength,
        channel == ContactChangeFlow.Channel.SMS ? smsCodeTtl : emailCodeTtl,
        resendAfter,
        wrongEntriesPerCode,
        wrongEntriesPerFlow);
  }
}
