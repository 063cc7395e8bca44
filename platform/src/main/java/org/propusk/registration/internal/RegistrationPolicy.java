package org.propusk.registration.internal;

import java.time.Duration;
import org.propusk.shared.ConfirmationCode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of a registration, from {@code propusk.registration}.
 *
 * @param codeLength digits in a confirmation code
 * @param smsCodeTtl how long an SMS code is valid (seeds: 300 s)
 * @param emailCodeTtl how long the code typed from a letter is valid (baseline: at most 10 min)
 * @param emailLinkTtl how long the link in a letter is valid (seeds: 24 h)
 * @param resendAfter how long to wait before another code (seeds: 60 s)
 * @param wrongEntriesPerCode wrong entries before a code is spent (seeds: 3)
 * @param wrongEntriesPerFlow wrong entries over all codes of a flow before it is spent
 * @param phoneFlowTtl lifetime of a flow started with a phone
 * @param emailFlowTtl lifetime of a flow started with an e-mail (as long as its link)
 * @param passwordStepTtl time left for the password step once the contact is confirmed
 */
@ConfigurationProperties("propusk.registration")
record RegistrationPolicy(
    int codeLength,
    Duration smsCodeTtl,
    Duration emailCodeTtl,
    Duration emailLinkTtl,
    Duration resendAfter,
    int wrongEntriesPerCode,
    int wrongEntriesPerFlow,
    Duration phoneFlowTtl,
    Duration emailFlowTtl,
    Duration passwordStepTtl) {

  ConfirmationCode.Rules codeRules(RegistrationFlow.Channel channel) {
    return new ConfirmationCode.Rules(
        codeLength,
        channel == RegistrationFlow.Channel.SMS ? smsCodeTtl : emailCodeTtl,
        resendAfter,
        wrongEntriesPerCode,
        wrongEntriesPerFlow);
  }
}
