package org.propusk.authentication.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps counted from
 * the Unix epoch, six digits. A code is accepted for the current step and one step either side,
 * for clocks that drift; which step matched is returned, so that the caller can refuse it again.
 */
final class Totp {

  static final int DIGITS = 6;
  static final long STEP_SECONDS = 30;
  /** Steps accepted either side of the current one. */
  static final int DRIFT = 1;

  private Totp() {}

  /** The time step an instant falls in. */
  static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of one step, zero-padded. */
  static String code(byte[] key, long step, int digits) {
    byte[] hash;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    long modulus = (long) Math.pow(10, digits);
    String code = Long.toString(binary % modulus);
    return "0".repeat(digits - code.length()) + code;
  }

  /**
   * The step within the drift whose code this is, the latest first; empty for a wrong or malformed
   * code. Every step is compared in constant time.
   */
  static OptionalLong matchingStep(byte[] key, String typed, Instant now) {
    String code = typed == null ? "" : typed.replaceAll("[\\s-]", "");
    if (!code.matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    long current = step(now);
    long matched = Long.MIN_VALUE;
    for (long step = current + DRIFT; step >= current - DRIFT; step--) {
      boolean equal =
          MessageDigest.isEqual(
              code(key, step, DIGITS).getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
      if (equal && matched == Long.MIN_VALUE) {
        matched = step;
      }
    }
    return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
  }
}
