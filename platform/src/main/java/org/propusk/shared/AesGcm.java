package org.propusk.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-GCM with a random 96-bit IV in front of the ciphertext; the purpose is bound in as AAD. */
final class AesGcm {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private AesGcm() {}

  /** {@code iv || ciphertext || tag}. */
  static byte[] seal(SecretKeySpec key, String purpose, String plaintext) throws GeneralSecurityException {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
    byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
  }

  static String open(SecretKeySpec key, String purpose, byte[] sealed) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
    cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
    return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
  }
}
