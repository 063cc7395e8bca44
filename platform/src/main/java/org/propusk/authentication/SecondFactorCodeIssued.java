package org.propusk.authentication;

import java.time.Instant;
import java.util.UUID;
import org.propusk.shared.SealedSecret;

/** Domain event: a second-factor code (sealed) must reach the account's confirmed phone by SMS. */
public record SecondFactorCodeIssued(
    UUID accountId, String recipient, SealedSecret code, Instant codeExpiresAt, String locale) {

  @Override
  public String toString() {
    return "SecondFactorCodeIssued[accountId=" + accountId + "]";
  }
}
