package org.propusk.authentication;

import org.propusk.shared.Problem;

/** One answer for every failed sign-in: it never says whether the login exists. */
public class SignInFailed extends Problem {

  public SignInFailed() {
    super(401, "sign-in-failed");
  }
}
