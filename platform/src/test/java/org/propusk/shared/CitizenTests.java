package org.propusk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
  void aSecondFactorIsProvenOnlyByTheAccountsOwnSecondFactorWithThePassword() {
    UUID id = UUID.randomUUID();
    // registration (or recovery of an account without a second factor): contact code and password
    Citizen registeredByPhone = Citizen.signedIn(id, "SIMPLIFIED", SIGN_IN, Set.of(AuthenticationMethod.PASSWORD, AuthenticationMethod.SMS));
    Citizen registeredByEmail = Citizen.signedIn(id, "SIMPLIFIED", SIGN_IN, Set.of(AuthenticationMethod.PASSWORD, AuthenticationMethod.EMAIL));
    Citizen password = Citizen.signedIn(id, "SIMPLIFIED", SIGN_IN, Set.of(AuthenticationMethod.PASSWORD));
    // sign-in with the SMS code of two-step sign-in: the same methods as the registration by phone
    Citizen smsSecondFactor =
        Citizen.signedIn(
            id, "SIMPLIFIED", SIGN_IN, Set.of(AuthenticationMethod.PASSWORD, AuthenticationMethod.SMS), Set.of(AuthenticationMethod.SMS));
    Citizen app = Citizen.signedIn(id, "SIMPLIFIED", SIGN_IN, Set.of(AuthenticationMethod.PASSWORD, AuthenticationMethod.TOTP));
    Citizen recoveryCode =
        Citizen.signedIn(id, "SIMPLIFIED", SIGN_IN, Set.of(AuthenticationMethod.PASSWORD, AuthenticationMethod.RECOVERY_CODE));
    // recovery past a lost second factor with a code to the other contact: two contacts, no factor
    Citizen bypassed =
        Citizen.signedIn(
            id, "SIMPLIFIED", SIGN_IN, Set.of(AuthenticationMethod.PASSWORD, AuthenticationMethod.SMS, AuthenticationMethod.EMAIL));

    assertThat(registeredByPhone.multiFactor()).as("what multiFactor() cannot tell apart").isTrue();
    assertThat(registeredByPhone.secondFactorProven()).isFalse();
    assertThat(registeredByEmail.secondFactorProven()).isFalse();
    assertThat(password.secondFactorProven()).isFalse();
    assertThat(bypassed.secondFactorProven()).isFalse();
    assertThat(smsSecondFactor.secondFactorProven()).isTrue();
    assertThat(app.secondFactorProven()).isTrue();
    assertThat(recoveryCode.secondFactorProven()).isTrue();
    // kept through the session's changes
    assertThat(smsSecondFactor.provedAgain(AuthenticationMethod.PASSWORD, SIGN_IN.plusSeconds(60)).secondFactorProven()).isTrue();
    assertThat(smsSecondFactor.atLevel("STANDARD").secondFactorProven()).isTrue();
    assertThat(registeredByPhone.provedAgain(AuthenticationMethod.PASSWORD, SIGN_IN.plusSeconds(60)).secondFactorProven()).isFalse();
    assertThat(password.provedAgain(AuthenticationMethod.TOTP, SIGN_IN.plusSeconds(60)).secondFactorProven()).isTrue();
  }

  @Test
  void aSecondFactorNeedsThePasswordAndIsOneOfTheMethods() {
    UUID id = UUID.randomUUID();
    Citizen noPassword =
        Citizen.signedIn(id, "SIMPLIFIED", SIGN_IN, Set.of(AuthenticationMethod.SMS), Set.of(AuthenticationMethod.SMS));
    Citizen claimedNotProven =
        Citizen.signedIn(id, "SIMPLIFIED", SIGN_IN, Set.of(AuthenticationMethod.PASSWORD), Set.of(AuthenticationMethod.TOTP));
    Citizen passwordAsSecond =
        Citizen.signedIn(id, "SIMPLIFIED", SIGN_IN, Set.of(AuthenticationMethod.PASSWORD), Set.of(AuthenticationMethod.PASSWORD));

    assertThat(noPassword.secondFactorProven()).isFalse();
    assertThat(claimedNotProven.secondFactors()).isEmpty();
    assertThat(claimedNotProven.secondFactorProven()).isFalse();
    assertThat(passwordAsSecond.secondFactorProven()).isFalse();
  }

  @Test
  void aSessionStoredBeforeSecondFactorsWereToldApartCountsOnlyAppAndRecoveryCodes() throws Exception {
    UUID id = UUID.randomUUID();
    Map<AuthenticationMethod, Instant> sms = Map.of(AuthenticationMethod.PASSWORD, SIGN_IN, AuthenticationMethod.SMS, SIGN_IN);
    Map<AuthenticationMethod, Instant> app = Map.of(AuthenticationMethod.PASSWORD, SIGN_IN, AuthenticationMethod.TOTP, SIGN_IN);

    assertThat(new Citizen(id, SIGN_IN, "SIMPLIFIED", sms, null).secondFactorProven()).isFalse();
    assertThat(new Citizen(id, SIGN_IN, "SIMPLIFIED", app, null).secondFactorProven()).isTrue();
    Citizen smsSecondFactor = new Citizen(id, SIGN_IN, "SIMPLIFIED", sms, Set.of(AuthenticationMethod.SMS));
    assertThat(roundTrip(smsSecondFactor)).isEqualTo(smsSecondFactor);
    assertThat(((Citizen) roundTrip(smsSecondFactor)).secondFactorProven()).isTrue();
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
