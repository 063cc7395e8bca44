package org.propusk.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.propusk.account.AccountSummary;
import org.propusk.account.Accounts;
import org.propusk.shared.Citizen;
import org.propusk.shared.Messages;
import org.propusk.shared.RecentAuthentication;
import org.propusk.shared.SessionEnded;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Deleting the account at the citizen's request: a page that says what is lost and what is kept,
 * asks for a recent password (the one re-authentication rule, for the page and its form alike) and
 * an explicit "I understand"; then the account is deleted, this session ends and a page says so.
 */
@Controller
class AccountDeletionPageController {

  static final String VIEW = "account/delete";

  private final Accounts accounts;
  private final RecentAuthentication recentAuthentication;
  private final Messages messages;

  AccountDeletionPageController(Accounts accounts, RecentAuthentication recentAuthentication, Messages messages) {
    this.accounts = accounts;
    this.recentAuthentication = recentAuthentication;
    this.messages = messages;
  }

  @GetMapping("/account/delete")
  String page(Model model) {
    return show(recentAuthentication.require(), model);
  }

  @PostMapping("/account/delete")
  String delete(
      @RequestParam(required = false) String understood,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    Citizen citizen = recentAuthentication.require();
    if (!"true".equals(understood)) {
      response.setStatus(422);
      model.addAttribute("errors", Map.of("understood", messages.get("account-delete.understood.required")));
      return show(citizen, model);
    }
    accounts.delete(citizen.accountId(), LocaleContextHolder.getLocale());
    endSession(request, response);
    return "redirect:/account-deleted";
  }

  /** Says that it is done; open to anyone, since whoever sees it is signed out. */
  @GetMapping("/account-deleted")
  String deleted() {
    return "account/deleted";
  }

  private String show(Citizen citizen, Model model) {
    AccountSummary account = accounts.find(citizen.accountId()).orElseThrow(SessionEnded::new);
    model.addAttribute("account", account);
    return VIEW;
  }

  /** This session ends with the account: its id and CSRF token are worthless from now on. */
  static void endSession(HttpServletRequest request, HttpServletResponse response) {
    new SecurityContextLogoutHandler()
        .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
  }
}
