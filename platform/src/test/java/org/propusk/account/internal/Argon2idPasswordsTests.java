package org.propusk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class Argon2idPasswordsTests {

  /** Propusk's cost (application.yaml); each test's hashes take a fraction of a second. */
  static final int MEMORY_KIB = 19456;
  static final int ITERATIONS = 2;
  static final String PASSWORD = "тихая-гавань-у-моря-7";

  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  final Argon2idPasswords passwords =
      new Argon2idPasswords(MEMORY_KIB, ITERATIONS, 1, new HashingGate(2, Duration.ofMinutes(5), metrics));
  /** What stored every hash before this class, and the reference for the PHC form. */
  final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);

  @Test
  void verifiesTheHashesSpringSecuritysEncoderStored() {
    String stored = spring.encode(PASSWORD);

    assertThat(passwords.matches(PASSWORD, stored)).isTrue();
    assertThat(passwords.matches(PASSWORD + "!", stored)).isFalse();
  }

  @Test
  void storesHashesThatSpringSecuritysEncoderVerifies() {
    String stored = passwords.encode(PASSWORD);

    assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(spring.matches(PASSWORD, stored)).isTrue();
    assertThat(passwords.matches(PASSWORD, stored)).isTrue();
    assertThat(passwords.matches("другой-пароль-у-моря-7", stored)).isFalse();
  }

  @Test
  void saltsEveryHash() {
    assertThat(passwords.encode(PASSWORD)).isNotEqualTo(passwords.encode(PASSWORD));
  }

  @Test
  void verifiesAHashAtTheCostItWasStoredWith() {
    String cheaper = new Argon2PasswordEncoder(16, 32, 1, 4096, 3).encode(PASSWORD);

    assertThat(passwords.matches(PASSWORD, cheaper)).isTrue();
    assertThat(passwords.matches(PASSWORD + "?", cheaper)).isFalse();
  }

  @Test
  void nothingMatchesWithoutAPasswordOrAUsableHash() {
    String stored = passwords.encode(PASSWORD);

    assertThat(passwords.matches(null, stored)).isFalse();
    assertThat(passwords.matches("", stored)).isFalse();
    assertThat(passwords.matches(PASSWORD, null)).isFalse();
    assertThat(passwords.matches(PASSWORD, "")).isFalse();
    assertThat(passwords.matches(PASSWORD, "$2a$10$notanargon2hashatall")).isFalse();
    assertThat(passwords.matches(PASSWORD, stored.replace("$argon2id$", "$argon2i$"))).isFalse();
    assertThat(passwords.matches(PASSWORD, stored.substring(0, stored.lastIndexOf('$') + 2))).isFalse();
  }

  @Test
  void everyHashTakesItsTurnAtTheGate() {
    passwords.matches(PASSWORD, passwords.encode(PASSWORD));

    assertThat(metrics.get("propusk.password.hashing.wait").tag("outcome", "admitted").timer().count()).isEqualTo(2);
  }
}
