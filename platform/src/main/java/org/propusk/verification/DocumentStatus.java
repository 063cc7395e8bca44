package org.propusk.verification;

/** A document's check as shown to the citizen; {@code reason} only when it failed. */
public record DocumentStatus(CheckState state, CheckReason reason) {

  public static final DocumentStatus NOT_ENTERED = new DocumentStatus(CheckState.NOT_ENTERED, null);
}
