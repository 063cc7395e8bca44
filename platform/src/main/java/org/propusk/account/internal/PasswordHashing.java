package org.propusk.account.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Passwords are stored only as Argon2id hashes, with cost parameters from configuration. */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

  @Bean
  PasswordEncoder passwordEncoder(
      @Value("${propusk.password.argon2.memory-kib}") int memoryKib,
      @Value("${propusk.password.argon2.iterations}") int iterations,
      @Value("${propusk.password.argon2.parallelism}") int parallelism) {
    return new Argon2PasswordEncoder(16, 32, parallelism, memoryKib, iterations);
  }
}
