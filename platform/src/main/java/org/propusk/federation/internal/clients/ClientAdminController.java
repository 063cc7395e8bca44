package org.propusk.federation.internal.clients;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;
import org.propusk.account.AccountLevel;
import org.propusk.shared.Citizen;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Problem;
import org.propusk.shared.ProblemPages;
import org.propusk.shared.RecentAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The relying parties' admin pages ({@code /admin/clients}): the list, registering, changing,
 * deactivating and a new secret. The security chain lets only administrators with their second
 * factor in this session in ({@code RoleAccess}); every change also needs the password
 * proven within the re-authentication window. A new secret is shown in the answer to the form that
 * made it, once: it is neither redirected with nor kept in the session.
 */
@Controller
class ClientAdminController {

  static final String LIST = "admin/clients";
  static final String FORM = "admin/client";
  static final String SECRET = "admin/client-secret";

  private final ClientAdministration clients;
  private final RecentAuthentication recentAuthentication;
  private final ProblemPages problems;

  ClientAdminController(ClientAdministration clients, RecentAuthentication recentAuthentication, ProblemPages problems) {
    this.clients = clients;
    this.recentAuthentication = recentAuthentication;
    this.problems = problems;
  }

  @GetMapping("/admin/clients")
  String list(Model model) {
    model.addAttribute("clients", clients.list());
    return LIST;
  }

  @GetMapping("/admin/clients/new")
  String blank(Model model) {
    return form(model, ClientForm.blank(), null);
  }

  @PostMapping("/admin/clients/new")
  String register(
      @ModelAttribute("form") ClientForm form,
      @RequestParam(required = false) MultipartFile logo,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    Citizen administrator = recentAuthentication.require();
    ClientAdministration.Outcome registered;
    try {
      registered = clients.register(form, upload(logo), administrator.accountId());
    } catch (InvalidInput invalid) {
      problems.show(invalid, model, response, FORM);
      return form(model, form, null);
    }
    return done(registered, "registered", model, response, redirect);
  }

  @GetMapping("/admin/clients/{id}")
  String edit(@PathVariable UUID id, Model model) {
    ClientAdministration.Stored stored = clients.find(id).orElseThrow(ClientAdminController::notFound);
    return form(model, ClientForm.of(stored.client()), stored);
  }

  @PostMapping("/admin/clients/{id}")
  String update(
      @PathVariable UUID id,
      @ModelAttribute("form") ClientForm form,
      @RequestParam(required = false) MultipartFile logo,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    Citizen administrator = recentAuthentication.require();
    ClientAdministration.Stored stored = clients.find(id).orElseThrow(ClientAdminController::notFound);
    try {
      return done(
          clients.update(id, form, upload(logo), administrator.accountId()).orElseThrow(ClientAdminController::notFound),
          "changed",
          model,
          response,
          redirect);
    } catch (Problem problem) {
      problems.show(problem, model, response, FORM);
      return form(model, form.withClientId(stored.client().clientId()), stored);
    }
  }

  @PostMapping("/admin/clients/{id}/secret")
  String newSecret(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Citizen administrator = recentAuthentication.require();
    ClientAdministration.Stored stored = clients.find(id).orElseThrow(ClientAdminController::notFound);
    try {
      return done(
          clients.newSecret(id, administrator.accountId()).orElseThrow(ClientAdminController::notFound),
          "secret",
          model,
          response,
          redirect);
    } catch (Problem problem) {
      problems.show(problem, model, response, FORM);
      return form(model, ClientForm.of(stored.client()), stored);
    }
  }

  @PostMapping("/admin/clients/{id}/deactivate")
  String deactivate(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Citizen administrator = recentAuthentication.require();
    ClientAdministration.Stored stored = clients.find(id).orElseThrow(ClientAdminController::notFound);
    try {
      clients.deactivate(id, administrator.accountId());
    } catch (Problem problem) {
      problems.show(problem, model, response, FORM);
      return form(model, ClientForm.of(stored.client()), stored);
    }
    redirect.addFlashAttribute("done", "deactivated");
    return "redirect:/admin/clients";
  }

  /** After a password confirmation the browser comes back to the action's address: the client's page. */
  @GetMapping({"/admin/clients/{id}/secret", "/admin/clients/{id}/deactivate"})
  String backToClient(@PathVariable UUID id) {
    return "redirect:/admin/clients/" + id;
  }

  private String done(
      ClientAdministration.Outcome outcome, String what, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    if (outcome.secret() == null) {
      redirect.addFlashAttribute("done", what);
      return "redirect:/admin/clients/" + outcome.id();
    }
    response.setStatus(what.equals("registered") ? HttpStatus.CREATED.value() : HttpStatus.OK.value());
    model.addAttribute("outcome", outcome);
    model.addAttribute("what", what);
    return SECRET;
  }

  private static String form(Model model, ClientForm form, ClientAdministration.Stored stored) {
    model.addAttribute("form", form);
    model.addAttribute("stored", stored);
    model.addAttribute("scopes", ClientForm.SCOPES);
    model.addAttribute("levels", Arrays.stream(AccountLevel.values()).map(AccountLevel::apiName).toList());
    model.addAttribute("assertionAlgorithms", ClientForm.ASSERTION_ALGORITHMS);
    model.addAttribute("idTokenAlgorithms", ClientForm.ID_TOKEN_ALGORITHMS);
    model.addAttribute("maxLogoKilobytes", ClientLogo.MAX_BYTES / 1024);
    return FORM;
  }

  private static ClientAdministration.Upload upload(MultipartFile logo) throws IOException {
    return logo == null || logo.isEmpty() ? null : new ClientAdministration.Upload(logo.getBytes(), logo.getOriginalFilename());
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
