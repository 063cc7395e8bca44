package org.propusk.demo.internal;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * One authorization request of the demo portal, kept in its session attribute until the callback:
 * {@code state} ties the callback to this browser, {@code nonce} the ID token to this request, the
 * PKCE {@code verifier} the code to this client. Serializable: sessions live in the database.
 */
record DemoRequest(String state, String nonce, String verifier, List<String> scopes, String acrValues)
    implements Serializable {

  private static final SecureRandom RANDOM = new SecureRandom();

  static DemoRequest start(List<String> scopes, String acrValues) {
    return new DemoRequest(random(), random(), random(), List.copyOf(scopes), acrValues);
  }

  /** RFC 7636 S256: base64url(SHA-256(verifier)). */
  String codeChallenge() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 256 random bits, base64url (43 characters, a valid PKCE verifier too). */
  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
