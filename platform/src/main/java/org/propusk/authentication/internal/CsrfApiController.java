package org.propusk.authentication.internal;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API v1: the CSRF token of the caller's session, to send back in {@code headerName} with
 * every change. It is renewed at sign-in: fetch it again afterwards.
 */
@RestController
class CsrfApiController {

  record Csrf(String headerName, String token) {}

  @GetMapping("/api/v1/csrf")
  Csrf csrf(CsrfToken token) {
    return new Csrf(token.getHeaderName(), token.getToken());
  }
}
