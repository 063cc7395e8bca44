package org.propusk.federation.internal.catalogue;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.propusk.shared.Citizen;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' pages of the services catalogue ({@code /admin/catalogue}): the entries,
 * hidden ones too, and a form to add or change one (hiding is unticking "shown"; nothing is
 * deleted, so links and history keep their meaning). The security chain lets only administrators
 * with their second factor in (authentication module, {@code RoleAccess}).
 */
@Controller
class CatalogueAdminController {

  static final String LIST = "admin/catalogue";
  static final String FORM = "admin/catalogue-entry";

  private final CatalogueEntries entries;

  CatalogueAdminController(CatalogueEntries entries) {
    this.entries = entries;
  }

  @GetMapping("/admin/catalogue")
  String list(Model model) {
    model.addAttribute("entries", entries.all());
    return LIST;
  }

  @GetMapping("/admin/catalogue/new")
  String blank(Model model) {
    model.addAttribute("entry", new CatalogueEntry(null, null, null, null, null, null, null, "https://", "simplified", 1000, true));
    model.addAttribute("adding", true);
    return FORM;
  }

  @GetMapping("/admin/catalogue/{code}")
  String edit(@PathVariable String code, Model model) {
    model.addAttribute("entry", entries.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    model.addAttribute("adding", false);
    return FORM;
  }

  @PostMapping("/admin/catalogue")
  String add(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    CatalogueEntry entry = entry(form.get("code"), form);
    Map<String, String> problems = entry.problems();
    if (problems.isEmpty() && !entries.add(entry, administrator())) {
      problems = Map.of("code", "taken");
    }
    return saved(entry, problems, true, model, response, redirect);
  }

  @PostMapping("/admin/catalogue/{code}")
  String update(
      @PathVariable String code, @RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    entries.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    CatalogueEntry entry = entry(code, form);
    Map<String, String> problems = entry.problems();
    if (problems.isEmpty()) {
      entries.update(entry, administrator());
    }
    return saved(entry, problems, false, model, response, redirect);
  }

  private String saved(
      CatalogueEntry entry, Map<String, String> problems, boolean adding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    if (!problems.isEmpty()) {
      response.setStatus(422);
      model.addAttribute("entry", entry);
      model.addAttribute("adding", adding);
      model.addAttribute("problems", problems);
      return FORM;
    }
    redirect.addFlashAttribute("saved", entry.code());
    return "redirect:/admin/catalogue";
  }

  private static CatalogueEntry entry(String code, Map<String, String> form) {
    Integer position;
    try {
      position = Integer.valueOf(form.getOrDefault("position", "").strip());
    } catch (NumberFormatException notANumber) {
      position = null;
    }
    return new CatalogueEntry(
        code == null ? null : code.strip(),
        stripped(form, "nameRu"),
        stripped(form, "nameEn"),
        stripped(form, "agencyRu"),
        stripped(form, "agencyEn"),
        stripped(form, "descriptionRu"),
        stripped(form, "descriptionEn"),
        stripped(form, "url"),
        form.get("minimumLevel"),
        position,
        "true".equals(form.get("active")));
  }

  /** The security chain lets no one here who is not a signed-in administrator. */
  private static UUID administrator() {
    return Citizen.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN)).accountId();
  }

  private static String stripped(Map<String, String> form, String name) {
    String value = form.get(name);
    return value == null ? null : value.strip();
  }
}
