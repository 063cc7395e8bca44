package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Безопасность": the citizen's signed-in sessions on every device, and ending them. */
@Controller
class CitizenSessionsController {

  private final CitizenSessions sessions;

  CitizenSessionsController(CitizenSessions sessions) {
    this.sessions = sessions;
  }

  /** What the page may say was just ended. */
  static final Set<String> ENDED = Set.of("one", "none", "others");

  @GetMapping("/account/security")
  String page(@RequestParam(required = false) String ended, HttpServletRequest request, Model model) {
    if (ended != null && ENDED.contains(ended)) {
      model.addAttribute("ended", ended);
    }
    List<CitizenSessions.ActiveSession> active =
        sessions.of(CitizenSessions.signedInAccount(), request.getSession().getId());
    model.addAttribute("sessions", active);
    model.addAttribute("others", active.stream().filter(s -> !s.current()).count());
    return "authentication/security";
  }

  /** A session that ended meanwhile (another tab, a double click) is said so, not an error. */
  @PostMapping("/account/security/sessions/{handle}/end")
  String end(@PathVariable String handle) {
    boolean ended = sessions.end(CitizenSessions.signedInAccount(), handle);
    return "redirect:/account/security?ended=" + (ended ? "one" : "none");
  }

  @PostMapping("/account/security/sessions/end-others")
  String endOthers(HttpServletRequest request) {
    sessions.endOthers(CitizenSessions.signedInAccount(), request.getSession().getId());
    return "redirect:/account/security?ended=others";
  }
}
