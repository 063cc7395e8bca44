package org.propusk.shared;

/**
 * Someone else's change came first: a save based on an older version, or a duplicate key of a row
 * that a concurrent request created. Answered 409; the client reads the current state and tries
 * again.
 */
public class ChangedMeanwhile extends Problem {

  public ChangedMeanwhile() {
    super(409, "changed-meanwhile");
  }
}
