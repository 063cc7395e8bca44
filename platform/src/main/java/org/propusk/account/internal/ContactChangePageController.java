package org.propusk.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.propusk.account.Accounts;
import org.propusk.shared.Citizen;
import org.propusk.shared.Messages;
import org.propusk.shared.Problem;
import org.propusk.shared.ProblemPages;
import org.propusk.shared.RecentAuthentication;
import org.propusk.shared.SessionEnded;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages to change or add a phone or e-mail. Opening the form and starting a change need the
 * password proven recently (else the citizen is sent to type it and comes back); while a change
 * waits out its cooling-off period the page shows it, with a button that cancels it, instead of
 * the form.
 */
@Controller
class ContactChangePageController {

  private static final String VIEW = "account/contacts";

  private final ContactChangeService changes;
  private final Accounts accounts;
  private final RecentAuthentication recentAuthentication;
  private final ProblemPages pages;
  private final Messages messages;
  private final ContactChangePolicy policy;

  ContactChangePageController(
      ContactChangeService changes,
      Accounts accounts,
      RecentAuthentication recentAuthentication,
      ProblemPages pages,
      Messages messages,
      ContactChangePolicy policy) {
    this.changes = changes;
    this.accounts = accounts;
    this.recentAuthentication = recentAuthentication;
    this.pages = pages;
    this.messages = messages;
    this.policy = policy;
  }

  record StartForm(String channel, String phone, String email) {}

  @GetMapping("/account/contacts")
  String page(@RequestParam(defaultValue = "phone") String channel, Model model) {
    model.addAttribute("form", new StartForm("email".equals(channel) ? "email" : "phone", null, null));
    if (show(model).isEmpty()) {
      // the form to start a change: only for a password proven recently
      recentAuthentication.require();
    }
    return VIEW;
  }

  @PostMapping("/account/contacts")
  String start(
      @ModelAttribute("form") StartForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
    recentAuthentication.require();
    boolean byEmail = "email".equals(form.channel());
    try {
      ContactChangeService.ContactChangeView flow =
          changes.start(
              me(), byEmail ? null : form.phone(), byEmail ? form.email() : null, request.getRemoteAddr(),
              LocaleContextHolder.getLocale());
      return "redirect:/account/contacts/" + flow.id() + "/confirm";
    } catch (Problem problem) {
      show(model);
      return pages.show(problem, model, response, VIEW);
    }
  }

  @GetMapping("/account/contacts/{id}/confirm")
  String confirmation(@PathVariable UUID id, Model model) {
    model.addAttribute("flow", changes.show(me(), id));
    return "account/contact-confirm";
  }

  @PostMapping("/account/contacts/{id}/confirm")
  String confirm(
      @PathVariable UUID id, @RequestParam(required = false) String code, Model model, HttpServletResponse response) {
    try {
      changes.confirm(me(), id, code);
      return "redirect:/account/contacts?pending";
    } catch (AccountProblems.ContactChangeNotFound gone) {
      return "redirect:/account/contacts";
    } catch (Problem problem) {
      model.addAttribute("flow", changes.show(me(), id));
      return pages.show(problem, model, response, "account/contact-confirm");
    }
  }

  @PostMapping("/account/contacts/{id}/resend")
  String resend(@PathVariable UUID id, RedirectAttributes redirect) {
    try {
      changes.resend(me(), id);
      redirect.addFlashAttribute("notice", messages.get("registration.confirm.resent"));
    } catch (AccountProblems.ContactChangeNotFound gone) {
      return "redirect:/account/contacts";
    } catch (Problem problem) {
      redirect.addFlashAttribute("error", pages.describe(problem));
    }
    return "redirect:/account/contacts/" + id + "/confirm";
  }

  /** The signed-in owner cancels the pending change. */
  @PostMapping("/account/contacts/pending/cancel")
  String cancelPending() {
    try {
      changes.cancelPending(me());
      return "redirect:/account/contacts?cancelled";
    } catch (AccountProblems.ContactChangeNotFound | AccountProblems.ConcurrentChange gone) {
      return "redirect:/account/contacts";
    }
  }

  /** An unknown, finished or expired change: the page to start one, saying why, with a 404. */
  @ExceptionHandler(AccountProblems.ContactChangeNotFound.class)
  String changeGone(AccountProblems.ContactChangeNotFound gone, Model model, HttpServletResponse response) {
    model.addAttribute("form", new StartForm("phone", null, null));
    show(model);
    return pages.show(gone, model, response, VIEW);
  }

  /** The account and its pending change, if any, for the contacts page. */
  private Optional<ContactChangeService.PendingView> show(Model model) {
    model.addAttribute("account", accounts.find(me()).orElseThrow(SessionEnded::new));
    model.addAttribute("coolingOffHours", policy.coolingOff().toHours());
    Optional<ContactChangeService.PendingView> pending = changes.pending(me());
    pending.ifPresent(
        change -> {
          model.addAttribute("pending", change);
          model.addAttribute(
              "pendingWhen", ContactChangeTimes.inWords(change.effectiveAt(), LocaleContextHolder.getLocale()));
        });
    return pending;
  }

  private static UUID me() {
    return Citizen.current().orElseThrow().accountId();
  }
}
