package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API v1: the citizen's signed-in sessions, and ending them. */
@RestController
@RequestMapping("/api/v1/me/sessions")
class CitizenSessionsApiController {

  private final CitizenSessions sessions;

  CitizenSessionsApiController(CitizenSessions sessions) {
    this.sessions = sessions;
  }

  /** One session: the device in plain words (null when not recognised). */
  record SessionView(
      String id, String device, String clientAddress, Instant startedAt, Instant lastActiveAt, boolean current) {}

  @GetMapping
  List<SessionView> list(HttpServletRequest request) {
    return sessions.of(CitizenSessions.signedInAccount(), request.getSession().getId()).stream()
        .map(
            s ->
                new SessionView(
                    s.handle(), s.device().orElse(null), s.clientAddress(), s.startedAt(), s.lastActiveAt(), s.current()))
        .toList();
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void end(@PathVariable String id) {
    if (!sessions.end(CitizenSessions.signedInAccount(), id)) {
      throw new SessionNotFound();
    }
  }

  /** Ends every session of the account but this one. */
  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void endOthers(HttpServletRequest request) {
    sessions.endOthers(CitizenSessions.signedInAccount(), request.getSession().getId());
  }
}
