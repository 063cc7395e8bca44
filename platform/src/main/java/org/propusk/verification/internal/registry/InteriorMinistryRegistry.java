package org.propusk.verification.internal.registry;

/**
 * Port to the interior ministry (MVD): checks a Russian passport against its holder, and a
 * registration address against its registration records.
 */
public interface InteriorMinistryRegistry {

  /**
   * @throws RegistryUnavailable when no usable answer came back
   */
  RegistryAnswer checkPassport(PassportQuery query);

  /**
   * {@link RegistryAnswer#NOT_FOUND} when the ministry knows no such person, {@link
   * RegistryAnswer#MISMATCH} when the person is registered elsewhere.
   *
   * @throws RegistryUnavailable when no usable answer came back
   */
  RegistryAnswer checkRegistration(RegistrationQuery query);
}
