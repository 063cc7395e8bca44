package org.propusk.verification.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.propusk.verification.CheckReason;
import org.propusk.verification.CheckState;
import org.propusk.verification.Document;
import org.propusk.verification.internal.registry.RegistryAnswer;

/**
 * The latest check of one document of one account. A new submission replaces it with a new id, so
 * that an answer to the old data, arriving late, is recognised and dropped.
 */
final class DocumentCheck {

  static final Map<CheckState, Set<CheckState>> MOVES =
      Map.of(
          CheckState.NOT_ENTERED, Set.of(CheckState.PENDING),
          CheckState.PENDING, Set.of(CheckState.PENDING, CheckState.VERIFIED, CheckState.FAILED, CheckState.NOT_ENTERED),
          CheckState.VERIFIED, Set.of(CheckState.PENDING, CheckState.NOT_ENTERED),
          CheckState.FAILED, Set.of(CheckState.PENDING, CheckState.NOT_ENTERED));

  private final UUID id;
  private final UUID accountId;
  private final Document document;
  private final Instant startedAt;
  private final long version;
  private CheckState state;
  private CheckReason reason;
  private int attempts;
  private Instant lastAttemptAt;
  private Instant completedAt;

  DocumentCheck(
      UUID id,
      UUID accountId,
      Document document,
      CheckState state,
      CheckReason reason,
      int attempts,
      Instant startedAt,
      Instant lastAttemptAt,
      Instant completedAt,
      long version) {
    this.id = id;
    this.accountId = accountId;
    this.document = document;
    this.state = state;
    this.reason = reason;
    this.attempts = attempts;
    this.startedAt = startedAt;
    this.lastAttemptAt = lastAttemptAt;
    this.completedAt = completedAt;
    this.version = version;
  }

  static boolean canMove(CheckState from, CheckState to) {
    return MOVES.get(from).contains(to);
  }

  /** A new check of freshly entered data. */
  static DocumentCheck start(UUID accountId, Document document, Instant now) {
    return new DocumentCheck(
        UUID.randomUUID(), accountId, document, CheckState.PENDING, null, 0, now, null, null, 0);
  }

  /** The registry answered. */
  void answered(RegistryAnswer answer, Instant now) {
    ensurePending();
    attempts++;
    lastAttemptAt = now;
    completedAt = now;
    switch (answer) {
      case VERIFIED -> state = CheckState.VERIFIED;
      case NOT_FOUND -> fail(CheckReason.NOT_FOUND);
      case MISMATCH -> fail(CheckReason.MISMATCH);
    }
  }

  /** The registry gave no answer; after {@code giveUpAfter} since the start the check fails. */
  void unanswered(Instant now, Duration giveUpAfter) {
    ensurePending();
    attempts++;
    lastAttemptAt = now;
    if (!now.isBefore(startedAt.plus(giveUpAfter))) {
      completedAt = now;
      fail(CheckReason.NO_ANSWER);
    }
  }

  /** The data cannot be checked (e.g. the holder's name or birth date is missing). */
  void invalid(Instant now) {
    ensurePending();
    completedAt = now;
    fail(CheckReason.INVALID);
  }

  boolean isPending() {
    return state == CheckState.PENDING;
  }

  private void fail(CheckReason why) {
    state = CheckState.FAILED;
    reason = why;
  }

  private void ensurePending() {
    if (state != CheckState.PENDING) {
      throw new IllegalStateException("check " + id + " is " + state + ", not pending");
    }
  }

  UUID id() { return id; }
  UUID accountId() { return accountId; }
  Document document() { return document; }
  CheckState state() { return state; }
  CheckReason reason() { return reason; }
  int attempts() { return attempts; }
  Instant startedAt() { return startedAt; }
  Instant lastAttemptAt() { return lastAttemptAt; }
  Instant completedAt() { return completedAt; }
  long version() { return version; }
}
