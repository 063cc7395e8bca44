package org.propusk.test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticator app in a test: the six-digit RFC 6238 code (HMAC-SHA1, 30 s) of a Base32
 * secret at an instant, written apart from the platform's own code so that each checks the other.
 */
public final class Totp {

  private Totp() {}

  /** The code an app shows at this instant for the secret (Base32, spaces allowed). */
  public static String code(String secretBase32, Instant at) {
    return code(base32(secretBase32), Math.floorDiv(at.getEpochSecond(), 30), 6);
  }

  /**
   * A six-digit code that the app does not show within one time step either side of this instant
   * (the drift the platform allows), so that it is refused as wrong however the clock stands.
   */
  public static String wrongCode(String secretBase32, Instant at) {
    List<String> valid = new ArrayList<>();
    for (int drift = -1; drift <= 1; drift++) {
      valid.add(code(secretBase32, at.plusSeconds(30L * drift)));
    }
    for (int candidate = 0; ; candidate++) {
      String code = String.format("%06d", candidate);
      if (!valid.contains(code)) {
        return code;
      }
    }
  }

  /** The code of a time step, with this many digits. */
  public static String code(byte[] key, long step, int digits) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int o = h[19] & 0xf;
      long value = (ByteBuffer.wrap(h, o, 4).getInt() & 0x7fffffffL) % (long) Math.pow(10, digits);
      return String.format("%0" + digits + "d", value);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] base32(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long buffer = 0;
    int bits = 0;
    for (char c : text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT).toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out.write((int) (buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
