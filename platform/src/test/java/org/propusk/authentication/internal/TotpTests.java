package org.propusk.authentication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 as the platform computes and accepts it, against the RFC's own numbers. */
class TotpTests {

  /** RFC 6238 Appendix B: the SHA1 secret. */
  static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  /** Appendix B's SHA1 column (8 digits), and its last six digits, which are the 6-digit code. */
  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void matchesTheTestVectorsOfRfc6238(long unixTime, String eightDigits) {
    long step = Totp.step(Instant.ofEpochSecond(unixTime));

    assertThat(Totp.code(RFC_KEY, step, 8)).isEqualTo(eightDigits);
    assertThat(Totp.code(RFC_KEY, step, 6)).isEqualTo(eightDigits.substring(2));
    assertThat(Totp.matchingStep(RFC_KEY, eightDigits.substring(2), Instant.ofEpochSecond(unixTime)))
        .hasValue(step);
  }

  @Test
  void acceptsOneStepOfDriftEitherWayAndNoMore() {
    Instant now = Instant.ofEpochSecond(1_234_567_890);
    long step = Totp.step(now);

    for (int drift = -1; drift <= 1; drift++) {
      assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + drift, 6), now))
          .as("drift %d", drift)
          .hasValue(step + drift);
    }
    assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2, 6), now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2, 6), now)).isEmpty();
  }

  @Test
  void refusesMalformedCodesAndReadsSpacesAsNothing() {
    Instant now = Instant.ofEpochSecond(59);
    assertThat(Totp.matchingStep(RFC_KEY, null, now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_KEY, "", now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_KEY, "28708", now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_KEY, "2870822", now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_KEY, "２８７０８２", now)).as("only ASCII digits").isEmpty();
    assertThat(Totp.matchingStep(RFC_KEY, "287 082", now)).hasValue(1L);
  }

  @Test
  void agreesWithTheTestsOwnAuthenticatorOnRandomSecretsAndTimes() {
    long seed = 20261202L;
    Random random = new Random(seed);
    for (int i = 0; i < 200; i++) {
      byte[] key = new byte[20];
      random.nextBytes(key);
      String base32 = Base32.encode(key);
      assertThat(Base32.decode(base32)).as("seed %d", seed).isEqualTo(key);
      Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L));
      String code = org.propusk.test.Totp.code(base32, at);
      OptionalLong step = Totp.matchingStep(key, code, at);
      assertThat(step).as("seed %d, round %d", seed, i).isPresent();
    }
  }

  @Test
  void encodesBase32AsRfc4648() {
    assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  }
}
