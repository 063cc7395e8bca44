package org.propusk.authentication.internal;

import org.propusk.shared.Problem;

/** What can go wrong while turning the second factor on or off, besides wrong input. */
final class SecondFactorProblems {

  private SecondFactorProblems() {}

  /** A code for an app whose setup was never started, has expired or was finished meanwhile. */
  static final class SetupNotStarted extends Problem {
    SetupNotStarted() {
      super(409, "second-factor-setup-expired");
    }
  }

  /** Recovery codes belong to an app; none is on. */
  static final class AppOff extends Problem {
    AppOff() {
      super(409, "second-factor-app-off");
    }
  }

  /**
   * The account has a second factor: changing it (turning it off, replacing it, new recovery codes)
   * needs it proven within the re-authentication window as well, i.e. a sign-in with it again.
   */
  static final class SecondFactorRequired extends Problem {
    SecondFactorRequired() {
      super(403, "second-factor-required");
    }
  }
}
