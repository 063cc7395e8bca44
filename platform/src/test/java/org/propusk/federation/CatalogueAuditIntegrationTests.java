package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.account.Roles;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAdministrators;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changes to the services catalogue are in the administrator's audit history: which entry, added
 * or changed, which fields and whether it is shown; a refused or unchanged form records nothing.
 */
@PropuskIntegrationTest
class CatalogueAuditIntegrationTests {

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired Roles roles;
  @Autowired JdbcClient jdbc;

  @Test
  void addingChangingAndHidingAnEntryIsAuditedWithTheAdministrator() {
    ApiClient admin = TestAdministrators.administrator(port, roles, clock);
    UUID adminId = UUID.fromString(admin.get("/api/v1/me").text("id"));
    String code = "fishing-" + UUID.randomUUID().toString().substring(0, 8);

    assertThat(Pages.form(admin, "/admin/catalogue", entry(code, true)).status()).isEqualTo(302);
    Map<String, String> changed = entry(code, true);
    changed.put("url", "https://ryba.example.ru/new");
    changed.put("nameEn", "Fishing permit");
    assertThat(Pages.form(admin, "/admin/catalogue/" + code, changed).status()).isEqualTo(302);
    // saved again as it is: nothing changed, nothing recorded
    assertThat(Pages.form(admin, "/admin/catalogue/" + code, changed).status()).isEqualTo(302);
    Map<String, String> hidden = new HashMap<>(changed);
    hidden.remove("active");
    assertThat(Pages.form(admin, "/admin/catalogue/" + code, hidden).status()).isEqualTo(302);
    // refused: nothing recorded
    Map<String, String> invalid = new HashMap<>(hidden);
    invalid.put("url", "javascript:alert(1)");
    assertThat(Pages.form(admin, "/admin/catalogue/" + code, invalid).status()).isEqualTo(422);

    await().atMost(Waits.BACKGROUND).until(() -> audit(adminId).size() == 3);
    assertThat(audit(adminId))
        .containsExactly(
            "CATALOGUE_ENTRY_ADDED administrator entry=" + code + " shown=true",
            "CATALOGUE_ENTRY_CHANGED administrator entry=" + code + " fields=nameEn,url shown=true",
            "CATALOGUE_ENTRY_CHANGED administrator entry=" + code + " fields=active shown=false");
  }

  private List<String> audit(UUID accountId) {
    return jdbc.sql("select kind, actor, details from audit_event where account_id = :id and kind like 'CATALOGUE_ENTRY_%' order by seq")
        .param("id", accountId)
        .query((rs, n) -> rs.getString("kind") + " " + rs.getString("actor") + " " + rs.getString("details"))
        .list();
  }

  private static Map<String, String> entry(String code, boolean shown) {
    Map<String, String> fields = new HashMap<>();
    fields.put("code", code);
    fields.put("nameRu", "Разрешение на рыбалку");
    fields.put("nameEn", "Fishing licence");
    fields.put("agencyRu", "Росрыболовство");
    fields.put("agencyEn", "Federal Agency for Fishery");
    fields.put("descriptionRu", "Получить разрешение на любительское рыболовство.");
    fields.put("descriptionEn", "Obtain a recreational fishing permit.");
    fields.put("url", "https://ryba.example.ru/");
    fields.put("minimumLevel", "standard");
    fields.put("position", "600");
    if (shown) {
      fields.put("active", "true");
    }
    return fields;
  }
}
