package org.propusk.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.propusk.account.Accounts;
import org.propusk.shared.Citizen;
import org.propusk.shared.Messages;
import org.propusk.shared.Problem;
import org.propusk.shared.ProblemPages;
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

/** The pages to change or add a phone or e-mail. */
@Controller
class ContactChangePageController {

  private final ContactChangeService changes;
  private final Accounts accounts;
  private final ProblemPages pages;
  private final Messages messages;

  ContactChangePageController(
      ContactChangeService changes, Accounts accounts, ProblemPages pages, Messages messages) {
    this.changes = changes;
    this.accounts = accounts;
    this.pages = pages;
    this.messages = messages;
  }

  record StartForm(String channel, String phone, String email) {}

  @GetMapping("/account/contacts")
  String page(@RequestParam(defaultValue = "phone") String channel, Model model) {
    model.addAttribute("form", new StartForm("email".equals(channel) ? "email" : "phone", null, null));
    return show(model);
  }

  @PostMapping("/account/contacts")
  String start(
      @ModelAttribute("form") StartForm form,
      @RequestParam(required = false) String password,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    boolean byEmail = "email".equals(form.channel());
    try {
      ContactChangeService.ContactChangeView flow =
          changes.start(
              me(), byEmail ? null : form.phone(), byEmail ? form.email() : null, password, request.getRemoteAddr(),
              LocaleContextHolder.getLocale());
      return "redirect:/account/contacts/" + flow.id() + "/confirm";
    } catch (Problem problem) {
      show(model);
      return pages.show(problem, model, response, "account/contacts");
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
      return "redirect:/account/contacts?changed";
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

  /** An unknown, finished or expired change: the page to start one, saying why, with a 404. */
  @ExceptionHandler(AccountProblems.ContactChangeNotFound.class)
  String changeGone(AccountProblems.ContactChangeNotFound gone, Model model, HttpServletResponse response) {
    model.addAttribute("form", new StartForm("phone", null, null));
    show(model);
    return pages.show(gone, model, response, "account/contacts");
  }

  private String show(Model model) {
    model.addAttribute("account", accounts.find(me()).orElseThrow());
    return "account/contacts";
  }

  private static UUID me() {
    return Citizen.current().orElseThrow().accountId();
  }
}
