package org.propusk.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;

import io.gatling.javaapi.core.ChainBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What a relying party makes afresh for each authorization request: a PKCE verifier and its S256
 * challenge (RFC 7636), {@code state} and {@code nonce}, saved in the session as
 * {@code codeVerifier}, {@code codeChallenge}, {@code state} and {@code nonce} for either system's
 * authorization-code chain.
 */
public final class AuthorizationRequests {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private AuthorizationRequests() {}

  public static ChainBuilder fresh() {
    return exec(
        session -> {
          String verifier = random();
          return session
              .set("codeVerifier", verifier)
              .set("codeChallenge", s256(verifier))
              .set("state", random())
              .set("nonce", random());
        });
  }

  /** 32 random bytes, base64url: a 43-character verifier, as RFC 7636 recommends. */
  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return URL_SAFE.encodeToString(bytes);
  }

  private static String s256(String verifier) {
    try {
      return URL_SAFE.encodeToString(
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
