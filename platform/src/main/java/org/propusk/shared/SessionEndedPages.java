package org.propusk.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page whose signed-in account vanished mid-request ends what is left of the session and leads
 * to the sign-in page, as an expired session does; the API answers the same problem as 401.
 */
@ControllerAdvice(annotations = Controller.class)
class SessionEndedPages {

  @ExceptionHandler(SessionEnded.class)
  String signInAgain(HttpServletRequest request, HttpServletResponse response) {
    new SecurityContextLogoutHandler().logout(request, response, null);
    return "redirect:/login";
  }
}
