package org.propusk.registration.internal;

import org.propusk.shared.Problem;

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





  static final class LinkInvalid extends Problem {
    LinkInvalid() {
      super(410, "link-invalid");
    }
  }


  /** Another request changed the flow at the same moment. */
  static final class ConcurrentChange extends Problem {
    ConcurrentChange() {
      super(409, "registration-concurrent-change");
    }
  }
}
