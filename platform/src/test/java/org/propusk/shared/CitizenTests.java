package org.propusk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CitizenTests {

  static final Instant SIGN_IN = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  void answersWhetherTwoFactorsWereProvenWithinAWindow() {
    Citizen password = Citizen.signedIn(UUID.randomUUID(), "SIMPLIFIED", SIGN_IN, Set.of(AuthenticationMethod.PASSWORD));
    Citizen both = password.provedAgain(AuthenticationMethod.TOTP, SIGN_IN.plusSeconds(20));

    assertThat(password.multiFactor()).isFalse();
    assertThat(both.multiFactor()).isTrue();
    assertThat(both.multiFactorWithin(Duration.ofMinutes(5), SIGN_IN.plus(Duration.ofMinutes(5)))).isTrue();
    assertThat(both.multiFactorWithin(Duration.ofMinutes(5), SIGN_IN.plus(Duration.ofMinutes(6)))).isFalse();
    assertThat(both.authenticatedAt()).isEqualTo(SIGN_IN.plusSeconds(20));
    assertThat(both.signedInAt()).isEqualTo(SIGN_IN);
  }

  @Test
  void aNewProofOfThePasswordRenewsOnlyThePassword() {
    Citizen citizen =
        Citizen.signedIn(UUID.randomUUID(), "STANDARD", SIGN_IN, Set.of(AuthenticationMethod.PASSWORD, AuthenticationMethod.SMS));
    Instant later = SIGN_IN.plus(Duration.ofHours(1));

    Citizen again = citizen.provedAgain(AuthenticationMethod.PASSWORD, later);

    assertThat(again.proved(AuthenticationMethod.PASSWORD, Duration.ofMinutes(5), later)).isTrue();
    assertThat(again.proved(AuthenticationMethod.SMS, Duration.ofMinutes(5), later)).isFalse();
    assertThat(citizen.proved(AuthenticationMethod.PASSWORD, Duration.ofMinutes(5), later)).as("the old one is unchanged").isFalse();
    assertThat(again.atLevel("CONFIRMED").methods()).isEqualTo(again.methods());
  }

  @Test
  void survivesTheSessionStoreAndASessionWithoutMethodsProvesNothing() throws Exception {
    Citizen citizen = Citizen.signedIn(UUID.randomUUID(), "SIMPLIFIED", SIGN_IN, Set.of(AuthenticationMethod.PASSWORD));
    assertThat(roundTrip(citizen)).isEqualTo(citizen);

    Citizen stored = new Citizen(citizen.accountId(), SIGN_IN, "SIMPLIFIED", null);
    assertThat(stored.methods()).isEmpty();
    assertThat(stored.proved(AuthenticationMethod.PASSWORD, Duration.ofDays(1), SIGN_IN)).isFalse();
    assertThat(stored.authenticatedAt()).isEqualTo(SIGN_IN);
  }

  private static Object roundTrip(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }
}
