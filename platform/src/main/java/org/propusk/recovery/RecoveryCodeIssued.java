package org.propusk.recovery;

import java.time.Instant;
import java.util.UUID;
import org.propusk.shared.SealedSecret;

/**
 * Domain event: a recovery code must reach the account's contact. Published only for logins that
 * match an account. The code travels sealed (see {@link SealedSecret}).
 *
 * @param channel {@code sms} or {@code email}
 */
public record RecoveryCodeIssued(
    UUID flowId, String channel, String recipient, SealedSecret code, Instant codeExpiresAt, String locale) {

  @Override
  public String toString() {
    return "RecoveryCodeIssued[flowId=" + flowId + ", channel=" + channel + "]";
  }
}
