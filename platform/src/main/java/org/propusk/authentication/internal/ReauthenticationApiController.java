package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API v1: the password again, before an action that needs a recent one. */
@RestController
class ReauthenticationApiController {

  private final Reauthentication reauthentication;

  ReauthenticationApiController(Reauthentication reauthentication) {
    this.reauthentication = reauthentication;
  }

  record PasswordEntry(String password) {}

  @PostMapping("/api/v1/session/reauthentication")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void confirm(@RequestBody PasswordEntry body, HttpServletRequest request, HttpServletResponse response) {
    reauthentication.confirm(body.password(), request, response);
  }
}
