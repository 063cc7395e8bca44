package org.propusk.account.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The link sent to the old contact: no sign-in needed, as its owner may have lost the session to
 * whoever started the change. Opening it only shows what would be cancelled (mail scanners open
 * links too); the button (a POST with the page's CSRF token) cancels and ends every session of the
 * account.
 */
@Controller
class ContactChangeCancelPageController {

  private static final String VIEW = "account/contact-cancel";

  private final ContactChangeService changes;

  ContactChangeCancelPageController(ContactChangeService changes) {
    this.changes = changes;
  }

  @GetMapping("/contact-change/cancel/{token}")
  String page(@PathVariable String token, Model model, HttpServletResponse response) {
    changes
        .pendingByCancelToken(token)
        .ifPresentOrElse(
            change -> {
              model.addAttribute("pending", change);
              model.addAttribute(
                  "pendingWhen", ContactChangeTimes.inWords(change.effectiveAt(), LocaleContextHolder.getLocale()));
              model.addAttribute("token", token);
            },
            () -> response.setStatus(HttpServletResponse.SC_NOT_FOUND));
    return VIEW;
  }

  @PostMapping("/contact-change/cancel/{token}")
  String cancel(@PathVariable String token, Model model, HttpServletResponse response) {
    try {
      changes.cancelByToken(token);
      return "redirect:/contact-change/cancelled";
    } catch (AccountProblems.ContactChangeNotFound | AccountProblems.ConcurrentChange gone) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return VIEW;
    }
  }

  @GetMapping("/contact-change/cancelled")
  String cancelled(Model model) {
    model.addAttribute("cancelled", true);
    return VIEW;
  }
}
