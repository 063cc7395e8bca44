package org.propusk.shared;

/**
 * A one-time code or link sealed by {@link OneTimeSecrets#seal}: what events carry instead of the
 * secret, so that the outbox never holds it in clear.
 */
public record SealedSecret(String value) {

  @Override
  public String toString() {
    return "SealedSecret[***]";
  }
}
