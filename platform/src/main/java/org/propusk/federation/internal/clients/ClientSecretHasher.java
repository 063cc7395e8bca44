package org.propusk.federation.internal.clients;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Client secrets as {@code v1$<salt>$<hex HMAC-SHA-256(key, salt + ":" + secret)>}, under a key of
 * their own ({@code propusk.federation.client-secret-key}), so that a new key for codes does not
 * void every client. A secret is 256 random bits: a keyed hash is as good as a slow one, and a
 * token request must not cost an Argon2 hash. Deliberately not a bean: the one {@code
 * PasswordEncoder} bean is the accounts' Argon2, and Spring would hand any such bean to the client
 * authentication as well (ADR 6, "client secrets"). Same with openssl:
 * {@code printf '%s' "$SALT:$SECRET" | openssl dgst -sha256 -hmac "$KEY"}.
 */
public final class ClientSecretHasher implements PasswordEncoder {

  private static final String VERSION = "v1";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public ClientSecretHasher(String key) {
    if (key == null || key.length() < 32) {
      throw new IllegalArgumentException("propusk.federation.client-secret-key must be at least 32 characters");
    }
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** A new secret: 256 random bits, base64url without padding (43 characters). */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String encode(CharSequence secret) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    String saltText = Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
    return VERSION + "$" + saltText + "$" + mac(saltText, secret);
  }

  @Override
  public boolean matches(CharSequence secret, String encoded) {
    if (secret == null || encoded == null) {
      return false;
    }
    String[] parts = encoded.split("\\$", -1);
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      return false;
    }
    return MessageDigest.isEqual(
        mac(parts[1], secret).getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII));
  }

  /** Never: a true answer would make Spring re-save the client with a new hash. */
  @Override
  public boolean upgradeEncoding(String encoded) {
    return false;
  }

  /** Whether a configured value has this hasher's form. */
  static boolean isHash(String value) {
    return value != null && value.matches("v1\\$[A-Za-z0-9_-]{16,}\\$[0-9a-f]{64}");
  }

  private String mac(String salt, CharSequence secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal((salt + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
