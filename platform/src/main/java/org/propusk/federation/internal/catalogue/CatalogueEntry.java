package org.propusk.federation.internal.catalogue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.propusk.shared.TextLimit;

/**
 * A catalogue entry as an administrator edits it; {@link #problems} names each invalid field with
 * the message key of its error ({@code catalogue.admin.error.<key>}).
 */
public record CatalogueEntry(
    String code,
    String nameRu,
    String nameEn,
    String agencyRu,
    String agencyEn,
    String descriptionRu,
    String descriptionEn,
    String url,
    String minimumLevel,
    Integer position,
    boolean active) {

  static final List<String> LEVELS = List.of("simplified", "standard", "confirmed");

  /** Field -> error key, in the form's order; empty when the entry can be saved. */
  Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (code == null || code.length() > TextLimit.SERVICE_CODE.max() || !code.matches("[a-z0-9][a-z0-9-]*")) {
      problems.put("code", "code");
    }
    text(problems, "nameRu", nameRu, TextLimit.SERVICE_NAME.max());
    text(problems, "nameEn", nameEn, TextLimit.SERVICE_NAME.max());
    text(problems, "agencyRu", agencyRu, TextLimit.SERVICE_AGENCY.max());
    text(problems, "agencyEn", agencyEn, TextLimit.SERVICE_AGENCY.max());
    text(problems, "descriptionRu", descriptionRu, TextLimit.SERVICE_DESCRIPTION.max());
    text(problems, "descriptionEn", descriptionEn, TextLimit.SERVICE_DESCRIPTION.max());
    if (!webAddress(url)) {
      problems.put("url", "url");
    }
    if (minimumLevel == null || !LEVELS.contains(minimumLevel)) {
      problems.put("minimumLevel", "level");
    }
    if (position == null || position < 0 || position > 100_000) {
      problems.put("position", "position");
    }
    return problems;
  }

  private static void text(Map<String, String> problems, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      problems.put(field, "required");
    } else if (value.length() > max) {
      problems.put(field, "too_long");
    }
  }

  /** An absolute https address with a host: nothing a link could run as script, nothing in the clear. */
  private static boolean webAddress(String value) {
    if (value == null || value.length() > TextLimit.SERVICE_URL.max()) {
      return false;
    }
    try {
      URI uri = new URI(value);
      return "https".equals(uri.getScheme()) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
