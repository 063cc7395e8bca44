package org.propusk.audit.internal;

import java.time.Instant;
import java.util.List;
import org.propusk.audit.AuditEntry;
import org.propusk.audit.AuditKind;
import org.propusk.audit.AuditTrail;
import org.propusk.shared.Citizen;
import org.propusk.shared.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The citizen's own history: what happened to the account, when, and from where. */
@Controller
class HistoryController {

  static final int SHOWN = 100;

  private final AuditTrail trail;
  private final Messages messages;

  HistoryController(AuditTrail trail, Messages messages) {
    this.trail = trail;
    this.messages = messages;
  }

  record Event(Instant at, String kind, String description, String clientAddress, String details) {}

  @GetMapping("/api/v1/me/history")
  @ResponseBody
  List<Event> api() {
    return events();
  }

  @GetMapping("/account/history")
  String page(Model model) {
    model.addAttribute("events", events());
    return "audit/history";
  }

  /** What happened in words; an operator's action also names the service centre where it happened. */
  private String description(AuditEntry entry) {
    String key = "audit.kind." + entry.kind().key();
    if ((entry.kind() == AuditKind.ROLE_GRANTED || entry.kind() == AuditKind.ROLE_REVOKED)
        && entry.details() != null
        && entry.details().startsWith("role=operator ")) {
      return messages.get(key + ".operator"); // the plain message names the administrator role
    }
    int name = entry.details() == null ? -1 : entry.details().indexOf(AuditListener.OPERATOR_CENTRE_NAME);
    if (entry.kind() != AuditKind.OPERATOR_ACTION || name < 0) {
      return messages.get(key);
    }
    String action = entry.details().replaceFirst("^action=(\\S+).*$", "$1") + (entry.details().contains(" found=false ") ? ".nobody" : "");
    return messages.get(
        "audit.operator." + action, entry.details().substring(name + AuditListener.OPERATOR_CENTRE_NAME.length()));
  }

  private List<Event> events() {
    List<AuditEntry> entries = trail.ofAccount(Citizen.current().orElseThrow().accountId(), SHOWN);
    return entries.stream()
        .map(
            e ->
                new Event(
                    e.occurredAt(),
                    e.kind().key(),
                    description(e),
                    e.clientAddress(),
                    e.details()))
        .toList();
  }
}
