package org.propusk.verification.internal.registry;

/** Port to the interior ministry (MVD): checks a Russian passport against its holder. */
public interface InteriorMinistryRegistry {

  /**
   * @throws RegistryUnavailable when no usable answer came back
   */
  RegistryAnswer checkPassport(PassportQuery query);
}
