package org.propusk.confirmation.internal.signature;

import org.propusk.shared.Problem;

/** What can go wrong around a signature challenge, each with its answer. */
final class SignatureProblems {

  private SignatureProblems() {}

  static final class ChallengeNotFound extends Problem {
    ChallengeNotFound() {
      super(404, "signature-challenge-not-found");
    }
  }

  static final class ChallengeExpired extends Problem {
    ChallengeExpired() {
      super(409, "signature-challenge-expired");
    }
  }

  static final class ChallengeUsed extends Problem {
    ChallengeUsed() {
      super(409, "signature-challenge-used");
    }
  }

  static final class AttemptsSpent extends Problem {
    AttemptsSpent() {
      super(409, "signature-attempts-spent");
    }
  }

  static final class ConcurrentChange extends Problem {
    ConcurrentChange() {
      super(409, "signature-concurrent-change");
    }
  }

  /** Only a Standard account proves its identity this way: documents verified, not yet Confirmed. */
  static final class NotStandard extends Problem {
    private final String level;

    NotStandard(String level) {
      super(409, "signature-not-standard");
      this.level = level;
    }

    @Override
    public java.util.Map<String, Object> properties() {
      return java.util.Map.of("level", level);
    }
  }
}
