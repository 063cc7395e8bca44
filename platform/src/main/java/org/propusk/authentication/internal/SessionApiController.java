package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.propusk.authentication.SignIn;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API v1: sign in and sign out. */
@RestController
@RequestMapping("/api/v1/session")
class SessionApiController {

  private final SignIn signIn;

  SessionApiController(SignIn signIn) {
    this.signIn = signIn;
  }

  record Credentials(String login, String password) {}

  record Session(UUID accountId, String level) {}

  @PostMapping
  Session signIn(
      @RequestBody Credentials credentials,
      HttpServletRequest request,
      HttpServletResponse response) {
    SignIn.SignedIn signedIn =
        signIn.signIn(credentials.login(), credentials.password(), request, response);
    return new Session(signedIn.accountId(), signedIn.level().apiName());
  }

  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void signOut(HttpServletRequest request, HttpServletResponse response) {
    signIn.signOut(request, response);
  }
}
