package org.propusk.account.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are stored only as Argon2id hashes, with cost parameters from configuration; at most
 * {@code propusk.password.argon2.concurrency} hashes run at once (one per available processor
 * unless set), each waiting at most {@code max-wait} for its turn.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

  @Bean
  HashingGate hashingGate(
      @Value("${propusk.password.argon2.concurrency:}") Integer concurrency,
      @Value("${propusk.password.argon2.max-wait}") Duration maxWait,
      MeterRegistry metrics) {
    return new HashingGate(
        concurrency != null ? concurrency : Runtime.getRuntime().availableProcessors(), maxWait, metrics);
  }

  @Bean
  PasswordEncoder passwordEncoder(
      @Value("${propusk.password.argon2.memory-kib}") int memoryKib,
      @Value("${propusk.password.argon2.iterations}") int iterations,
      @Value("${propusk.password.argon2.parallelism}") int parallelism,
      HashingGate gate) {
    return new Argon2idPasswords(memoryKib, iterations, parallelism, gate);
  }
}
