package org.propusk.authentication.internal;

import java.time.Duration;
import org.propusk.shared.ConfirmationCode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of the second factor, from {@code propusk.second-factor}.
 *
 * @param setupTtl how long a new app secret waits for its first code
 * @param recoveryCodes how many recovery codes a set holds
 * @param smsQuietPeriod after this long without a code by SMS, the count of wrong entries over all
 *     codes starts again (there is no flow to start anew, and the owner must not stay locked out)
 */
@ConfigurationProperties("propusk.second-factor")
record SecondFactorPolicy(
    Duration setupTtl,
    int recoveryCodes,
    int smsCodeLength,
    Duration smsCodeTtl,
    Duration smsResendAfter,
    int smsWrongEntriesPerCode,
    int smsWrongEntriesTotal,
    Duration smsQuietPeriod) {

  ConfirmationCode.Rules smsRules() {
    return new ConfirmationCode.Rules(
        smsCodeLength, smsCodeTtl, smsResendAfter, smsWrongEntriesPerCode, smsWrongEntriesTotal);
  }
}
