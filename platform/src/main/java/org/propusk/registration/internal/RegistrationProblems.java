package org.propusk.registration.internal;

import java.time.Instant;
import java.util.Map;
import org.propusk.shared.LimitDecision;
import org.propusk.shared.Problem;
import org.propusk.shared.TooManyAttempts;

/** What can go wrong in a registration, each with its answer. */
final class RegistrationProblems {

  private RegistrationProblems() {}

  /** Unknown, expired or already completed flow: the citizen starts again. */
  static final class FlowNotFound extends Problem {
    FlowNotFound() {
      super(404, "registration-not-found");
    }
  }

  /** The step does not fit the flow's state (e.g. a code after the contact was confirmed). */
  static final class WrongState extends Problem {
    WrongState() {
      super(409, "registration-wrong-step");
    }
  }

  static final class ContactNotConfirmed extends Problem {
    ContactNotConfirmed() {
      super(409, "contact-not-confirmed");
    }
  }

  static final class WrongCode extends Problem {
    private final int attemptsLeft;

    WrongCode(int attemptsLeft) {
      super(422, "wrong-code");
      this.attemptsLeft = attemptsLeft;
    }

    int attemptsLeft() {
      return attemptsLeft;
    }

    @Override
    public Map<String, Object> properties() {
      return Map.of("attemptsLeft", attemptsLeft);
    }

    @Override
    public Object[] detailArguments() {
      return new Object[] {attemptsLeft};
    }
  }

  static final class CodeExpired extends Problem {
    CodeExpired() {
      super(410, "code-expired");
    }
  }

  /** Three wrong entries (or none issued): a new code must be requested. */
  static final class CodeSpent extends Problem {
    CodeSpent() {
      super(410, "code-spent");
    }
  }

  /** The flow used up its total of wrong entries; a new registration must be started. */
  static final class FlowExhausted extends Problem {
    FlowExhausted() {
      super(410, "registration-exhausted");
    }
  }

  static final class LinkInvalid extends Problem {
    LinkInvalid() {
      super(410, "link-invalid");
    }
  }

  static final class ResendTooEarly extends TooManyAttempts {
    ResendTooEarly(Instant availableAt, Instant now) {
      super("resend-too-early", new LimitDecision.Delayed(availableAt), now);
    }
  }

  /** Another request changed the flow at the same moment. */
  static final class ConcurrentChange extends Problem {
    ConcurrentChange() {
      super(409, "registration-concurrent-change");
    }
  }
}
