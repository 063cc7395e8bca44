package org.propusk.operator;

import java.time.Instant;
import java.util.UUID;
import org.propusk.shared.SealedSecret;

/**
 * Domain event: a code (sealed) must reach a visitor's phone or e-mail, so that the visitor reads
 * it out to the operator and proves the contact is theirs.
 */
public record ContactProofCodeIssued(
    UUID proofId, String channel, String recipient, SealedSecret code, Instant codeExpiresAt) {

  @Override
  public String toString() {
    return "ContactProofCodeIssued[proofId=" + proofId + ", channel=" + channel + "]";
  }
}
