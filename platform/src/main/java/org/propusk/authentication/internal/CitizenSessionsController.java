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

/**
 * "Безопасность": the second factor (see {@link SecondFactorPageController}) and the citizen's
 * signed-in sessions on every device, and ending them.
 */
@Controller
class CitizenSessionsController {

  private final CitizenSessions sessions;
  private final SecondFactorService factors;

  CitizenSessionsController(CitizenSessions sessions, SecondFactorService factors) {
    this.sessions = sessions;
    this.factors = factors;
  }

  /** What the page may say was just ended. */
  static final Set<String> ENDED = Set.of("one", "none", "others");

  /** What the page may say was just changed about the second factor. */
  static final Set<String> CHANGED = Set.of("app-off", "sms-on", "sms-off", "app-setup-expired");

  @GetMapping("/account/security")
  String page(
      @RequestParam(required = false) String ended,
      @RequestParam(required = false) String changed,
      @RequestParam(required = false) String refused,
      HttpServletRequest request,
      Model model) {
    // a change of the second factor refused for want of a recent second factor: sign in again
    model.addAttribute("secondFactorRequired", "second-factor".equals(refused));
    if (ended != null && ENDED.contains(ended)) {
      model.addAttribute("ended", ended);
    }
    if (changed != null && CHANGED.contains(changed)) {
      model.addAttribute("changed", changed);
    }
    model.addAttribute("factor", factors.status(CitizenSessions.signedInAccount()));
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
