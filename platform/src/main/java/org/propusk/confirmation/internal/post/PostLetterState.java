package org.propusk.confirmation.internal.post;

import java.util.Locale;

/** Where a letter with a post code is; {@code PostLetterState.mmd} draws the moves. */
enum PostLetterState {
  /** Asked for; waits for the day's batch. No code exists yet. */
  QUEUED,
  /** In a downloaded batch: the code was drawn, printed in the PDF and kept only as a hash. */
  PRINTED,
  /** Handed to the postal service. */
  SENT,
  /** The right code was entered: the account is Confirmed. */
  USED,
  /** Thirty days after printing, unused. */
  EXPIRED;

  String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
