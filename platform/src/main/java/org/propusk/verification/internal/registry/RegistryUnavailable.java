package org.propusk.verification.internal.registry;

/**
 * The registry gave no usable answer (outage, timeout, error status, unreadable reply): the check
 * is retried later.
 */
public class RegistryUnavailable extends RuntimeException {

  public RegistryUnavailable(String message) {
    super(message);
  }

  public RegistryUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
