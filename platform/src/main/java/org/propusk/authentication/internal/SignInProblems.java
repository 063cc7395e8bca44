package org.propusk.authentication.internal;

import java.util.List;
import java.util.Map;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Problem;
import org.propusk.shared.Violation;

/** What can go wrong in a sign-in flow after the password, each with its answer. */
final class SignInProblems {

  private SignInProblems() {}

  /** No flow of this session waits for a second factor (none, another session's, expired, over). */
  static final class FlowNotFound extends Problem {
    FlowNotFound() {
      super(404, "sign-in-flow-not-found");
    }
  }

  /** A wrong second-factor code, with the codes left in this flow (none: start again). */
  static final class WrongCode extends InvalidInput {
    private final int attemptsLeft;

    /** {@code reason}: the second factor's own violation, e.g. {@code used} for a spent TOTP step. */
    WrongCode(List<Violation> reason, int attemptsLeft) {
      super(reason);
      this.attemptsLeft = attemptsLeft;
    }

    int attemptsLeft() {
      return attemptsLeft;
    }

    @Override
    public Map<String, Object> properties() {
      return Map.of("attemptsLeft", attemptsLeft, "flowOver", attemptsLeft <= 0);
    }
  }
}
