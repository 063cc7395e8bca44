package org.propusk.account;

import org.propusk.shared.Problem;

/** The platform keeps at least one administrator: the last one's role cannot be taken away. */
public class LastAdministrator extends Problem {

  public LastAdministrator() {
    super(409, "last-administrator");
  }
}
