package org.propusk.confirmation.internal.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A letter with a post code to one account's verified registration address (see {@code
 * PostLetterState.mmd}). The address is copied when the letter is asked for; the code is drawn
 * only when the letter is printed, and kept as a keyed hash. Entries are counted on the row
 * (before each check, by the repository), at most {@link #MAX_ENTRIES}.
 */
final class PostLetter {

  static final Duration VALIDITY = Duration.ofDays(30);
  static final int MAX_ENTRIES = 5;

  static final Map<PostLetterState, Set<PostLetterState>> MOVES =
      Map.of(
          PostLetterState.QUEUED, Set.of(PostLetterState.PRINTED),
          PostLetterState.PRINTED, Set.of(PostLetterState.SENT, PostLetterState.USED, PostLetterState.EXPIRED),
          PostLetterState.SENT, Set.of(PostLetterState.USED, PostLetterState.EXPIRED),
          PostLetterState.USED, Set.of(),
          PostLetterState.EXPIRED, Set.of());

  final UUID id;
  final UUID accountId;
  final String recipient;
  final String addressLines;
  final PostLetterState state;
  final String codeHash;
  final int entries;
  final Instant requestedAt;
  final Instant printedAt;
  final Instant expiresAt;

  PostLetter(
      UUID id,
      UUID accountId,
      String recipient,
      String addressLines,
      PostLetterState state,
      String codeHash,
      int entries,
      Instant requestedAt,
      Instant printedAt,
      Instant expiresAt) {
    this.id = id;
    this.accountId = accountId;
    this.recipient = recipient;
    this.addressLines = addressLines;
    this.state = state;
    this.codeHash = codeHash;
    this.entries = entries;
    this.requestedAt = requestedAt;
    this.printedAt = printedAt;
    this.expiresAt = expiresAt;
  }

  static boolean canMove(PostLetterState from, PostLetterState to) {
    return MOVES.get(from).contains(to);
  }

  /** The state the citizen sees: a printed or sent letter past its date has expired. */
  PostLetterState stateAt(Instant now) {
    return (state == PostLetterState.PRINTED || state == PostLetterState.SENT) && !now.isBefore(expiresAt)
        ? PostLetterState.EXPIRED
        : state;
  }

  /** Its first eight hex digits, as the history and the printed letter name it. */
  String shortId() {
    return id.toString().substring(0, 8);
  }

  int entriesLeft() {
    return Math.max(0, MAX_ENTRIES - entries);
  }

  @Override
  public String toString() {
    return "PostLetter[" + id + " " + state + "]"; // no address, no hash
  }
}
