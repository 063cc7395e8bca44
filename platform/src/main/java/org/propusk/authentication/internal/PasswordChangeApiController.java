package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.propusk.account.PasswordStrength;
import org.propusk.shared.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API v1: the signed-in citizen changes the password. */
@RestController
class PasswordChangeApiController {

  private final PasswordChangeService changes;
  private final Messages messages;

  PasswordChangeApiController(PasswordChangeService changes, Messages messages) {
    this.changes = changes;
    this.messages = messages;
  }

  record PasswordChange(String currentPassword, String password, String passwordRepeat) {}

  record Candidate(String password) {}

  @PutMapping("/api/v1/me/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void change(@RequestBody PasswordChange body, HttpServletRequest request, HttpServletResponse response) {
    changes.change(body.currentPassword(), body.password(), body.passwordRepeat(), request, response);
  }

  @PostMapping("/api/v1/me/password-strength")
  PasswordStrength strength(@RequestBody Candidate body) {
    return PasswordStrength.of(changes.assess(body.password()), messages);
  }
}
