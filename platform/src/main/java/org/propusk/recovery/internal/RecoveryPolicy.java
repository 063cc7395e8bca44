package org.propusk.recovery.internal;

import java.time.Duration;
import org.propusk.shared.ConfirmationCode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of a recovery, from {@code propusk.recovery}.
 *
 * @param flowTtl lifetime of a recovery flow
 * @param passwordStepTtl time left for the new password once the code is confirmed
 */
@ConfigurationProperties("propusk.recovery")
record RecoveryPolicy(
    int codeLength,
    Duration smsCodeTtl,
    Duration emailCodeTtl,
    Duration resendAfter,
    int wrongEntriesPerCode,
    int wrongEntriesPerFlow,
    Duration flowTtl,
    Duration passwordStepTtl) {

  ConfirmationCode.Rules codeRules(RecoveryFlow.Channel channel) {
    return new ConfirmationCode.Rules(
        codeLength,
        channel == RecoveryFlow.Channel.SMS ? smsCodeTtl : emailCodeTtl,
        resendAfter,
        wrongEntriesPerCode,
        wrongEntriesPerFlow);
  }
}
