package org.propusk.verification.internal;

import org.propusk.shared.InvalidInput;
import org.propusk.shared.UniqueKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A SNILS or passport belongs to one profile: two saves that both passed the "taken" check and
 * race to store one number end, for the one that commits second, in the same field error a
 * sequential save gets.
 */
@Configuration(proxyBeanMethods = false)
class ProfileUniqueKeys {

  @Bean
  UniqueKey profileSnilsKey() {
    return new UniqueKey("identity_profile_snils_uk", () -> new InvalidInput("snils", "taken"));
  }

  @Bean
  UniqueKey profilePassportKey() {
    return new UniqueKey("identity_profile_passport_uk", () -> new InvalidInput("passportNumber", "taken"));
  }
}
