package org.propusk.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One-time codes and link tokens: drawn from a CSPRNG and stored only as a keyed hash (HMAC), so
 * that a leaked table does not give away six-digit codes by brute force. On their way to the
 * citizen (in the outbox, while a gateway is down) they travel sealed with AES-GCM under a key
 * derived from the same secret, so they share its lifetime: a new key voids codes and seals alike.
 */
@Component
public class OneTimeSecrets {

  private static final String HMAC = "HmacSHA256";
  private static final String SEALED = "one-time-secret";

  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec key;
  private final SecretKeySpec sealingKey;

  public OneTimeSecrets(@Value("${propusk.security.secret-hash-key}") String key) {
    if (key == null || key.length() < 32) {
      throw new IllegalArgumentException(
          "propusk.security.secret-hash-key must be at least 32 characters");
    }
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC);
    this.sealingKey = new SecretKeySpec(sealingKey(key), "AES");
  }

  /**
   * The AES key for sealing, derived from the secret by a function {@link #hash} never computes:
   * a subject hashed for storage (a typed login, say) can never equal it.
   */
  private static byte[] sealingKey(String secret) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(("propusk-sealing-key\0" + SEALED + "\0").getBytes(StandardCharsets.UTF_8));
      return sha256.digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A numeric code of the given length, e.g. six digits for an SMS. */
  public String numericCode(int digits) {
    StringBuilder code = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      code.append(random.nextInt(10));
    }
    return code.toString();
  }

  /** A URL-safe token with 256 bits of entropy, for links in letters. */
  public String urlToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The keyed hash under which a secret is stored. */
  public String hash(String secret) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares a typed secret with a stored hash in constant time. */
  public boolean matches(String typed, String storedHash) {
    if (typed == null || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(typed).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  /** Seals a code or link for the outbox; only the notification module opens it, to send it. */
  public SealedSecret seal(String secret) {
    try {
      return new SealedSecret(Base64.getEncoder().encodeToString(AesGcm.seal(sealingKey, SEALED, secret)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a one-time secret", e);
    }
  }

  public String open(SealedSecret sealed) {
    try {
      return AesGcm.open(sealingKey, SEALED, Base64.getDecoder().decode(sealed.value()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot open a one-time secret", e);
    }
  }
}
