package org.propusk.confirmation.internal.signature;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A one-time text for the citizen to sign with a qualified electronic signature. Each signature
 * sent for it counts as an attempt before it is checked; the first one that matches uses it up.
 */
final class SignatureChallenge {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "propusk-identity-confirmation:";

  private final UUID id;
  private final UUID accountId;
  private final String text;
  private ChallengeState state;
  private int attempts;
  private final Instant createdAt;
  private final Instant expiresAt;
  private final long version;

  SignatureChallenge(
      UUID id,
      UUID accountId,
      String text,
      ChallengeState state,
      int attempts,
      Instant createdAt,
      Instant expiresAt,
      long version) {
    this.id = id;
    this.accountId = accountId;
    this.text = text;
    this.state = state;
    this.attempts = attempts;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.version = version;
  }

  /** ASCII text, so that no editor or signing tool changes its bytes: 128 random bits in hex. */
  static SignatureChallenge issue(UUID accountId, SignaturePolicy policy, Instant now) {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    return new SignatureChallenge(
        UUID.randomUUID(),
        accountId,
        PREFIX + HexFormat.of().formatHex(nonce),
        ChallengeState.ISSUED,
        0,
        now,
        now.plus(policy.challengeTtl()),
        0);
  }

  /**
   * Counts a signature sent for this challenge, before it is checked.
   *
   * @throws SignatureProblems.ChallengeUsed when a signature already used it
   * @throws SignatureProblems.ChallengeExpired when it is past its time
   * @throws SignatureProblems.AttemptsSpent when every attempt is spent
   */
  void countAttempt(SignaturePolicy policy, Instant now) {
    if (state == ChallengeState.USED) {
      throw new SignatureProblems.ChallengeUsed();
    }
    if (isExpired(now)) {
      throw new SignatureProblems.ChallengeExpired();
    }
    if (attempts >= policy.attemptsPerChallenge()) {
      throw new SignatureProblems.AttemptsSpent();
    }
    move(ChallengeState.ISSUED);
    attempts++;
  }

  /** The signature matched: the challenge is used up. */
  void use() {
    move(ChallengeState.USED);
  }

  /** Open for a signature: issued, in time, with attempts left. */
  boolean isOpen(SignaturePolicy policy, Instant now) {
    return state == ChallengeState.ISSUED && !isExpired(now) && attempts < policy.attemptsPerChallenge();
  }

  int attemptsLeft(SignaturePolicy policy) {
    return Math.max(0, policy.attemptsPerChallenge() - attempts);
  }

  boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** The exact bytes that are signed. */
  byte[] content() {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private void move(ChallengeState next) {
    if (!state.canMoveTo(next)) {
      throw new SignatureProblems.ChallengeUsed();
    }
    state = next;
  }

  UUID id() { return id; }
  UUID accountId() { return accountId; }
  String text() { return text; }
  ChallengeState state() { return state; }
  int attempts() { return attempts; }
  Instant createdAt() { return createdAt; }
  Instant expiresAt() { return expiresAt; }
  long version() { return version; }
}
