package org.propusk.authentication.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.propusk.shared.OneTimeSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * OWASP's device cookies: after a successful sign-in the browser gets a random nonce signed
 * (HMAC) together with the login it signed in with, so that it names that login without showing
 * it. A browser presenting a valid one for the login it types spends a failure budget of its own
 * and is not blocked by the lock-out that other clients' failures cause.
 */
@Component
class DeviceCookies {

  private final OneTimeSecrets secrets;
  private final String name;
  private final Duration lifetime;
  private final boolean secure;

  DeviceCookies(
      OneTimeSecrets secrets,
      @Value("${propusk.session.device-cookie.name}") String name,
      @Value("${propusk.session.device-cookie.lifetime}") Duration lifetime,
      @Value("${server.servlet.session.cookie.secure:true}") boolean secure) {
    this.secrets = secrets;
    this.name = name;
    this.lifetime = lifetime;
    this.secure = secure;
  }

  /** The nonce of the browser's device cookie when it is valid for this login. */
  Optional<String> presentedFor(String loginKey, HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      String[] parts = cookie.getName().equals(name) ? cookie.getValue().split("\\.", 2) : new String[0];
      if (parts.length == 2 && secrets.matches(signed(parts[0], loginKey), parts[1])) {
        return Optional.of(parts[0]);
      }
    }
    return Optional.empty();
  }

  /** A new device cookie for this login, replacing the browser's previous one. */
  void issue(String loginKey, HttpServletResponse response) {
    String nonce = secrets.urlToken();
    ResponseCookie cookie =
        ResponseCookie.from(name, nonce + "." + secrets.hash(signed(nonce, loginKey)))
            .httpOnly(true)
            .secure(secure)
            .sameSite("Lax")
            .path("/")
            .maxAge(lifetime)
            .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
  }

  private static String signed(String nonce, String loginKey) {
    return "device-cookie:" + nonce + ":" + loginKey;
  }
}
