package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.account.Role;
import org.propusk.account.Roles;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Administrators maintain the services catalogue at {@code /admin/catalogue}: an entry they add is
 * on citizens' home pages, one they hide is gone from them; invalid entries are refused field by
 * field; citizens who are not administrators are refused.
 */
@PropuskIntegrationTest
class CatalogueAdminIntegrationTests {

  static final String PASSWORD = "тёплый-дождь-над-садом-3";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired Roles roles;
  @Autowired JdbcClient jdbc;

  @Test
  void anAdministratorAddsAServiceThatCitizensSeeAndHidesItAgain() {
    ApiClient admin = administrator();
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    String code = "hunting-licence-" + UUID.randomUUID().toString().substring(0, 8);

    ApiClient.Response list = Pages.page(admin, "/admin/catalogue");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.raw().body()).contains("data-entry=\"traffic-fines\"", "Штрафы ГИБДД: проверка и оплата");

    ApiClient.Response added = Pages.form(admin, "/admin/catalogue", entry(code, true));
    assertThat(added.status()).as(added.toString()).isEqualTo(302);
    assertThat(added.header("Location").orElseThrow()).endsWith("/admin/catalogue");
    String home = Pages.page(citizen, "/").raw().body();
    assertThat(home).contains("data-service=\"" + code + "\" data-open=\"false\"", "Охотничий билет");

    Map<String, String> hidden = entry(code, false);
    hidden.remove("code");
    assertThat(Pages.form(admin, "/admin/catalogue/" + code, hidden).status()).isEqualTo(302);
    assertThat(Pages.page(citizen, "/").raw().body()).doesNotContain("data-service=\"" + code + "\"");
    assertThat(Pages.page(admin, "/admin/catalogue/" + code).raw().body()).contains("value=\"https://ohota.example.ru/bilet\"");
  }

  @Test
  void refusesAnInvalidEntryWithTheErrorNextToEachField() {
    ApiClient admin = administrator();
    Map<String, String> invalid = entry("Bad Code", true);
    invalid.put("url", "javascript:alert(1)");
    invalid.put("nameEn", " ");
    invalid.put("minimumLevel", "root");

    ApiClient.Response refused = Pages.form(admin, "/admin/catalogue", invalid);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.raw().body())
        .contains("id=\"code-error\"", "Только строчные латинские буквы, цифры и дефис, до 100 знаков")
        .contains("id=\"url-error\"", "Укажите полный адрес, начинающийся с https://")
        .contains("id=\"nameEn-error\"", "Заполните поле", "Выберите уровень");
    assertThat(jdbc.sql("select count(*) from services_catalogue_entry where url = 'javascript:alert(1)'").query(Integer.class).single())
        .isZero();
    // a code that exists is not overwritten
    ApiClient.Response taken = Pages.form(admin, "/admin/catalogue", entry("traffic-fines", true));
    assertThat(taken.status()).isEqualTo(422);
    assertThat(taken.raw().body()).contains("Такой код уже есть");
    assertThat(Pages.form(admin, "/admin/catalogue/no-such-entry", entry("x", true)).status()).isEqualTo(404);
  }

  @Test
  void aCitizenWhoIsNotAnAdministratorIsRefused() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);

    assertThat(Pages.page(citizen, "/admin/catalogue").status()).isEqualTo(403);
    assertThat(Pages.form(citizen, "/admin/catalogue", entry("sneaky", true)).status()).isEqualTo(403);
  }

  private static Map<String, String> entry(String code, boolean shown) {
    Map<String, String> fields = new HashMap<>();
    fields.put("code", code);
    fields.put("nameRu", "Охотничий билет");
    fields.put("nameEn", "Hunting licence");
    fields.put("agencyRu", "Минприроды России");
    fields.put("agencyEn", "Ministry of Natural Resources");
    fields.put("descriptionRu", "Получить охотничий билет единого федерального образца.");
    fields.put("descriptionEn", "Obtain the federal hunting licence.");
    fields.put("url", "https://ohota.example.ru/bilet");
    fields.put("minimumLevel", "confirmed");
    fields.put("position", "500");
    if (shown) {
      fields.put("active", "true");
    }
    return fields;
  }

  /** An administrator signed in with the app, as /admin/** requires. */
  private ApiClient administrator() {
    String phone = TestContacts.phone();
    ApiClient registered = TestAccounts.registerByPhone(port, phone, PASSWORD);
    roles.grant(LoginIdentifier.classify(phone).orElseThrow(), Role.ADMINISTRATOR, UUID.randomUUID());
    SecondFactorEnrolment.App app = SecondFactorEnrolment.turnAppOn(registered, clock);
    ApiClient session = new ApiClient(port);
    assertThat(session.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(202);
    ApiClient.Response done = session.post("/api/v1/session/second-factor", Map.of("method", "totp", "code", app.nextCode(clock)));
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    return session;
  }
}
