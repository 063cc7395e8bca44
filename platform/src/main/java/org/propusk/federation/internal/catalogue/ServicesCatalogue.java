package org.propusk.federation.internal.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.propusk.account.AccountLevel;
import org.propusk.shared.HomeSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The services catalogue on the home page (SPEC section 8): the registered portals that sign in
 * with Propusk and the entries of {@code services_catalogue_entry} that link to agencies' sites,
 * each marked open or locked for the citizen's level, a locked one with the steps that open it.
 * Visitors who are not signed in see which level each service needs.
 */
@Component
class ServicesCatalogue implements HomeSection {

  /** Logos shown as they are; others (SVG above all, which can carry script) are not served. */
  static final Set<String> LOGO_TYPES = Set.of("image/png", "image/jpeg", "image/webp");

  private final JdbcClient jdbc;

  ServicesCatalogue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public Optional<Part> render(Viewer viewer, Locale locale) {
    AccountLevel level = viewer == null ? null : AccountLevel.valueOf(viewer.level().toUpperCase(Locale.ROOT));
    boolean english = "en".equals(locale.getLanguage());
    Map<AccountLevel, List<Service>> byLevel = new TreeMap<>();
    for (Service service : entries(level, english)) {
      byLevel.computeIfAbsent(service.needed(), l -> new java.util.ArrayList<>()).add(service);
    }
    List<Group> groups =
        byLevel.entrySet().stream().map(e -> new Group(e.getKey(), Access.of(e.getKey(), level), e.getValue())).toList();
    return Optional.of(new Part("federation/catalogue", new Catalogue(level, portals(level), groups)));
  }

  /** What the catalogue shows: {@code level} is null for a visitor who is not signed in. */
  public record Catalogue(AccountLevel level, List<Service> portals, List<Group> groups) {}

  /** The entries that need one level, with what that level means for the viewer. */
  public record Group(AccountLevel needed, Access access, List<Service> services) {}

  /** One service; {@code logo} is a path of this site or null. */
  public record Service(
      String key, String name, String agency, String description, String url, String logo, AccountLevel needed, Access access) {}

  private List<Service> portals(AccountLevel viewer) {
    return jdbc.sql(
            "select client_id, name, agency, description, home_url, minimum_level, logo_type, logo is not null as has_logo"
                + " from federation_client where active order by name, client_id")
        .query(
            (rs, n) -> {
              AccountLevel needed = AccountLevel.valueOf(rs.getString("minimum_level").toUpperCase(Locale.ROOT));
              boolean logo = rs.getBoolean("has_logo") && LOGO_TYPES.contains(rs.getString("logo_type"));
              String clientId = rs.getString("client_id");
              return new Service(
                  clientId,
                  rs.getString("name"),
                  rs.getString("agency"),
                  rs.getString("description"),
                  rs.getString("home_url"),
                  logo ? "/catalogue/logos/" + clientId : null,
                  needed,
                  Access.of(needed, viewer));
            })
        .list();
  }

  private List<Service> entries(AccountLevel viewer, boolean english) {
    String language = english ? "en" : "ru";
    return jdbc.sql(
            "select code, name_" + language + " as name, agency_" + language + " as agency, description_" + language
                + " as description, url, minimum_level from services_catalogue_entry where active order by position, code")
        .query(
            (rs, n) -> {
              AccountLevel needed = AccountLevel.valueOf(rs.getString("minimum_level").toUpperCase(Locale.ROOT));
              return new Service(
                  rs.getString("code"),
                  rs.getString("name"),
                  rs.getString("agency"),
                  rs.getString("description"),
                  rs.getString("url"),
                  null,
                  needed,
                  Access.of(needed, viewer));
            })
        .list();
  }
}
