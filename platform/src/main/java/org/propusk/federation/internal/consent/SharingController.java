package org.propusk.federation.internal.consent;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.propusk.federation.internal.claims.SharingLog;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.propusk.shared.Citizen;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/sharing}: the portals the citizen allowed, with the data and since when, each with
 * "withdraw"; and the log of what portals received (claim names, when, how).
 */
@Controller
class SharingController {

  /** A consent with its portal's name and agency (the id when the portal is no longer registered). */
  record Allowed(String registeredClientId, String name, String agency, List<String> scopes, Instant since) {}

  private final ConsentLedger consents;
  private final SharingLog log;
  private final ClientRegistry clients;

  SharingController(ConsentLedger consents, SharingLog log, ClientRegistry clients) {
    this.consents = consents;
    this.log = log;
    this.clients = clients;
  }

  @GetMapping("/account/sharing")
  String page(Model model) {
    Citizen citizen = Citizen.current().orElseThrow();
    model.addAttribute(
        "consents",
        consents.of(citizen.accountId()).stream()
            .map(
                consent -> {
                  RegisteredClient client = clients.findById(consent.registeredClientId());
                  return new Allowed(
                      consent.registeredClientId(),
                      client == null ? consent.registeredClientId() : client.getClientName(),
                      client == null ? null : client.getClientSettings().<String>getSetting(ClientRegistry.AGENCY),
                      consent.scopes(),
                      consent.grantedAt());
                })
            .toList());
    List<SharingLog.Entry> entries = log.of(citizen.accountId());
    Map<String, String> names = new HashMap<>();
    entries.forEach(
        entry ->
            names.computeIfAbsent(
                entry.clientId(),
                id -> {
                  RegisteredClient client = clients.findByClientId(id);
                  return client == null ? id : client.getClientName();
                }));
    model.addAttribute("log", entries);
    model.addAttribute("names", names);
    return "federation/sharing";
  }

  @PostMapping("/account/sharing/{registeredClientId}/withdraw")
  String withdraw(@PathVariable String registeredClientId, RedirectAttributes redirect) {
    Citizen citizen = Citizen.current().orElseThrow();
    RegisteredClient client = clients.findById(registeredClientId);
    if (client != null && consents.withdraw(citizen.accountId(), client, false)) {
      redirect.addFlashAttribute("withdrawn", client.getClientName());
    }
    return "redirect:/account/sharing";
  }
}
