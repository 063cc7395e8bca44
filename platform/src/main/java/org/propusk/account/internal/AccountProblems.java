package org.propusk.account.internal;

import org.propusk.shared.Problem;

/** What can go wrong in the account's own flows. */
final class AccountProblems {

  private AccountProblems() {}

  /** The account a service centre acts on is gone (deleted meanwhile). */
  static final class AccountGone extends Problem {
    AccountGone() {
      super(404, "unknown-citizen");
    }
  }

  static final class ContactChangeNotFound extends Problem {
    ContactChangeNotFound() {
      super(404, "contact-change-not-found");
    }
  }

  static final class ConcurrentChange extends Problem {
    ConcurrentChange() {
      super(409, "contact-change-concurrent");
    }
  }

  /** One change at a time: another waits out its cooling-off period (cancel it first). */
  static final class ChangePending extends Problem {
    ChangePending() {
      super(409, "contact-change-pending");
    }
  }
}
