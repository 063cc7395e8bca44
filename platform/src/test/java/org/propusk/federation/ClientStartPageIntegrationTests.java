package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propusk.test.Pages.multipart;
import static org.propusk.test.Pages.page;
import static org.propusk.test.TestAdministrators.clientForm;
import static org.propusk.test.TestAdministrators.with;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.account.Roles;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestAdministrators;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A relying party's start page and scopes in the admin pages: the start page an administrator
 * types is what the services catalogue links to; only https (or http to the device itself) is
 * taken; the scopes offered are the claim catalogue's, so its ESIA-style ones can be allowed and a
 * made-up one cannot.
 */
@PropuskIntegrationTest
class ClientStartPageIntegrationTests {

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired Roles roles;

  @Test
  void theStartPageTypedInTheAdminPagesIsWhereTheCatalogueLinks() {
    ApiClient admin = TestAdministrators.administrator(port, roles, clock);
    String clientId = TestAdministrators.clientId();
    String start = "https://" + clientId + ".example/start";
    List<Map.Entry<String, String>> form = new ArrayList<>(with(clientForm(clientId, "https://" + clientId + ".example/cb"), "homeUrl", start));
    form.add(Map.entry("scopes", "mobile"));
    form.add(Map.entry("scopes", "contacts"));

    ApiClient.Response created = multipart(admin, "/admin/clients/new", form, null);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    UUID id = jdbc.sql("select id from federation_client where client_id = :id").param("id", clientId).query(UUID.class).single();
    assertThat(jdbc.sql("select home_url from federation_client where id = :id").param("id", id).query(String.class).single())
        .isEqualTo(start);
    assertThat(jdbc.sql("select scope from federation_client_scope where client_id = :id").param("id", clientId).query(String.class).list())
        .containsExactlyInAnyOrder("openid", "profile", "mobile", "contacts");
    String edit = page(admin, "/admin/clients/" + id).raw().body();
    assertThat(edit).contains("id=\"homeUrl\"", "value=\"" + start + "\"", "id=\"scope-mobile\"", "id=\"scope-contacts\"");

    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), TestAdministrators.PASSWORD);
    assertThat(page(citizen, "/").raw().body()).contains("href=\"" + start + "\"");

    // changed in the admin pages: the catalogue follows
    String moved = "https://" + clientId + ".example/new-start";
    ApiClient.Response changed = multipart(admin, "/admin/clients/" + id, with(form, "homeUrl", moved), null);
    assertThat(changed.status()).as(changed.toString()).isEqualTo(302);
    assertThat(page(citizen, "/").raw().body()).contains("href=\"" + moved + "\"").doesNotContain("href=\"" + start + "\"");
  }

  @Test
  void aStartPageOverPlainHttpOrAMadeUpScopeIsRefusedNextToItsField() {
    ApiClient admin = TestAdministrators.administrator(port, roles, clock);
    String clientId = TestAdministrators.clientId();
    List<Map.Entry<String, String>> form =
        new ArrayList<>(with(clientForm(clientId, "https://" + clientId + ".example/cb"), "homeUrl", "http://" + clientId + ".example/"));
    form.add(Map.entry("scopes", "everything"));

    ApiClient.Response refused = multipart(admin, "/admin/clients/new", form, null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.raw().body()).contains("id=\"homeUrl-error\"", "Нужен адрес https").contains("id=\"scopes-error\"");
    assertThat(jdbc.sql("select count(*) from federation_client where client_id = :id").param("id", clientId).query(Long.class).single())
        .isZero();

    // http to the device itself is a start page too (a service tried out on the administrator's machine)
    ApiClient.Response loopback =
        multipart(admin, "/admin/clients/new", with(clientForm(clientId, "https://" + clientId + ".example/cb"), "homeUrl", "http://127.0.0.1:8765/"), null);
    assertThat(loopback.status()).as(loopback.toString()).isEqualTo(201);
  }
}
