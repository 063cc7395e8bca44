package org.propusk.recovery.internal;

import org.propusk.shared.Problem;

/** What can go wrong in a recovery, each with its answer. */
final class RecoveryProblems {

  private RecoveryProblems() {}

  static final class FlowNotFound extends Problem {
    FlowNotFound() {
      super(404, "recovery-not-found");
    }
  }

  static final class WrongStep extends Problem {
    WrongStep() {
      super(409, "recovery-wrong-step");
    }
  }

  static final class CodeNotConfirmed extends Problem {
    CodeNotConfirmed() {
      super(409, "recovery-code-not-confirmed");
    }
  }

  static final class ConcurrentChange extends Problem {
    ConcurrentChange() {
      super(409, "recovery-concurrent-change");
    }
  }

  /** The account has a second factor, none of its codes at hand and no other contact: not online. */
  static final class ServiceCentreNeeded extends Problem {
    ServiceCentreNeeded() {
      super(409, "recovery-service-centre");
    }
  }
}
