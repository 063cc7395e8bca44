package org.propusk.account.internal;

import org.propusk.account.ContactAlreadyRegistered;
import org.propusk.shared.UniqueKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One contact, one account: a duplicate contact from a race is the usual "already registered". */
@Configuration(proxyBeanMethods = false)
class AccountUniqueKeys {

  @Bean
  UniqueKey accountPhoneKey() {
    return new UniqueKey("account_phone_uk", ContactAlreadyRegistered::new);
  }

  @Bean
  UniqueKey accountEmailKey() {
    return new UniqueKey("account_email_uk", ContactAlreadyRegistered::new);
  }
}
