package org.propusk.operator.internal;

import org.propusk.shared.Problem;

/** A centre id that names no centre (a stale page, or a forged form). */
class UnknownCentre extends Problem {
  UnknownCentre() {
    super(404, "unknown-centre");
  }
}
