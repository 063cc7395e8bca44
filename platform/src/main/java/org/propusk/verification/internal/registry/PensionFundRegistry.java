package org.propusk.verification.internal.registry;

/** Port to the pension fund (SFR): checks a SNILS against the person's name and birth date. */
public interface PensionFundRegistry {

  /**
   * @throws RegistryUnavailable when no usable answer came back
   */
  RegistryAnswer checkSnils(SnilsQuery query);
}
