package org.propusk.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest (SNILS, passport numbers): sealed with AES-256-GCM under the active key,
 * the key id written in front of the sealed value so that old values stay readable after a
 * rotation; looked up through a keyed hash (HMAC-SHA-256) that reveals nothing without its key.
 * The purpose ("snils", "passport") is bound into both, so values cannot be swapped between fields.
 */
@Component
public class PersonalDataVault {

  private final Map<String, SecretKeySpec> keys = new HashMap<>();
  private final String activeKeyId;
  private final SecretKeySpec lookupKey;

  PersonalDataVault(Settings settings) {
    if (settings.keys() == null || settings.keys().isEmpty() || settings.activeKey() == null) {
      throw new IllegalArgumentException(
          "propusk.security.data.keys and propusk.security.data.active-key must be configured");
    }
    // an empty slot (e.g. an unset environment variable) is no key
    settings.keys().forEach(
        (id, base64) -> {
          if (base64 != null && !base64.isBlank()) {
            keys.put(id, aesKey(id, base64));
          }
        });
    if (!keys.containsKey(settings.activeKey())) {
      throw new IllegalArgumentException("no data key with the active id " + settings.activeKey());
    }
    this.activeKeyId = settings.activeKey();
    if (settings.lookupKey() == null || settings.lookupKey().length() < 32) {
      throw new IllegalArgumentException("propusk.security.data.lookup-key must be at least 32 characters");
    }
    this.lookupKey = new SecretKeySpec(settings.lookupKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** Data protection keys, from {@code propusk.security.data}; keys are base64 of 32 bytes. */
  @ConfigurationProperties("propusk.security.data")
  record Settings(Map<String, String> keys, String activeKey, String lookupKey) {}

  /** {@code keyId:base64(iv || ciphertext || tag)}. */
  public String seal(String purpose, String plaintext) {
    try {
      return activeKeyId + ":" + Base64.getEncoder().encodeToString(AesGcm.seal(keys.get(activeKeyId), purpose, plaintext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal personal data", e);
    }
  }

  public String open(String purpose, String sealed) {
    int colon = sealed.indexOf(':');
    SecretKeySpec key = colon < 0 ? null : keys.get(sealed.substring(0, colon));
    if (key == null) {
      throw new IllegalStateException("sealed with an unknown key id");
    }
    try {
      return AesGcm.open(key, purpose, Base64.getDecoder().decode(sealed.substring(colon + 1)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot open personal data", e);
    }
  }

  /** The key id a value was sealed with, e.g. to find what a rotation still has to re-seal. */
  public static String keyIdOf(String sealed) {
    return sealed.substring(0, Math.max(0, sealed.indexOf(':')));
  }

  /** A keyed hash for unique lookups of a normalised value. */
  public String lookupHash(String purpose, String normalised) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(lookupKey);
      return HexFormat.of()
          .formatHex(mac.doFinal((purpose + ":" + normalised).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SecretKeySpec aesKey(String id, String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("data key " + id + " is not base64");
    }
    if (key.length != 32) {
      throw new IllegalArgumentException("data key " + id + " must be 32 bytes (AES-256)");
    }
    return new SecretKeySpec(key, "AES");
  }
}
