package org.propusk.account;

import java.time.Instant;
import java.util.UUID;
import org.propusk.shared.SealedSecret;

/** Domain event: a code (sealed) must reach the new contact the citizen wants to use. */
public record ContactChangeCodeIssued(
    UUID flowId, String channel, String recipient, SealedSecret code, Instant codeExpiresAt, String locale) {

  @Override
  public String toString() {
    return "ContactChangeCodeIssued[flowId=" + flowId + ", channel=" + channel + "]";
  }
}
