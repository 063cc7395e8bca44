package org.propusk.account.internal;

import static org.propusk.test.Pages.page;
import static org.propusk.test.Pages.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.account.Role;
import org.propusk.account.Roles;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Administrators over HTTP: the first one from configuration ({@code application-test.yaml}), the
 * admin pages only for administrators who used their second factor in this session (checked at
 * every request from the database), granting and revoking, and the last administrator kept.
 */
@PropuskIntegrationTest
class AdministrationIntegrationTests {

  static final String PASSWORD = "тихий-огонёк-над-рекой-7";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired Roles roles;
  @Autowired AccountService accounts;
  @Autowired FirstAdministrator firstAdministrator;

  @Value("${propusk.administration.first-administrator}")
  String configured;

  /** A signed-in account (the registration's session: password and SMS code, no second factor). */
  record Citizen(String phone, UUID id, ApiClient session) {}

  /** An account with an authenticator app, and a session signed in with password and app code. */
  record Administrator(String phone, UUID id, SecondFactorEnrolment.App app, ApiClient session) {}

  @Test
  void theConfiguredLoginBecomesTheFirstAdministratorWhenItsAccountIsOpenedAndAtStart() {
    noAdministrators();
    jdbc.sql("select id from account where phone = :phone")
        .param("phone", configured)
        .query(UUID.class)
        .optional()
        .ifPresent(left -> accounts.delete(left, Locale.ROOT)); // a database kept from an earlier run

    ApiClient session = TestAccounts.registerByPhone(port, configured, PASSWORD);
    UUID id = idOf(session);

    await().atMost(Waits.BACKGROUND).until(() -> roles.has(id, Role.ADMINISTRATOR));
    await().atMost(Waits.BACKGROUND).until(() -> auditDetails(id, "ROLE_GRANTED") != null);
    assertThat(auditDetails(id, "ROLE_GRANTED")).isEqualTo("role=administrator by=configuration");
    assertThat(roles.administrators()).singleElement().satisfies(a -> assertThat(a.grantedBy()).isNull());

    // at a start: only while nobody is an administrator
    assertThat(firstAdministrator.appoint()).as("someone is an administrator already").isFalse();
    noAdministrators();
    assertThat(firstAdministrator.appoint()).isTrue();
    assertThat(roles.has(id, Role.ADMINISTRATOR)).isTrue();
    assertThat(firstAdministrator.appoint()).isFalse();
  }

  @Test
  void aCitizenWhoIsNoAdministratorIsRefused() {
    Citizen citizen = citizen();
    ApiClient.Response page = page(citizen.session(), "/admin");
    assertThat(page.status()).isEqualTo(403);
    assertThat(page.raw().body()).contains("Нет доступа");

    ApiClient.Response api = citizen.session().get("/api/v1/admin/administrators");
    assertThat(api.status()).isEqualTo(403);
    assertThat(api.contentType()).startsWith("application/problem+json");
    assertThat(api.text("type")).isEqualTo("https://propusk.org/problems/not-administrator");

    // a second factor does not make an administrator either
    SecondFactorEnrolment.App app = SecondFactorEnrolment.turnAppOn(citizen.session(), clock);
    ApiClient withApp = signInWithApp(citizen.phone(), app);
    assertThat(page(withApp, "/admin").status()).isEqualTo(403);
    assertThat(page(withApp, "/admin/two-step").status()).isEqualTo(403);
  }

  @Test
  void nobodySignedInIsSentToSignIn() {
    ApiClient stranger = new ApiClient(port);
    ApiClient.Response page = page(stranger, "/admin");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location")).get().asString().endsWith("/login");
    assertThat(stranger.get("/api/v1/admin/administrators").status()).isEqualTo(401);
  }

  @Test
  void anAdministratorWithoutASecondFactorIsToldToTurnTwoStepSignInOn() {
    Citizen citizen = citizen();
    grant(citizen.phone());
    // the registration's SMS code and password are two methods, but no second factor
    ApiClient.Response page = page(citizen.session(), "/admin");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location")).get().asString().endsWith("/admin/two-step");

    ApiClient.Response explanation = page(citizen.session(), "/admin/two-step");
    assertThat(explanation.status()).isEqualTo(200);
    assertThat(explanation.raw().body()).contains("Включите вход в два шага", "href=\"/account/security\"");

    ApiClient.Response api = citizen.session().get("/api/v1/admin/administrators");
    assertThat(api.status()).isEqualTo(403);
    assertThat(api.text("type")).isEqualTo("https://propusk.org/problems/second-factor-required");
    assertThat(api.text("turnOn")).isEqualTo("/account/security");
  }

  @Test
  void anAdministratorWhoHasASecondFactorButSignedInWithoutItSignsInAgainWithIt() {
    Citizen citizen = citizen();
    grant(citizen.phone());
    SecondFactorEnrolment.turnSmsOn(citizen.session());

    // the registration's SMS code proved the phone, not a second factor: password and contact only
    ApiClient.Response page = page(citizen.session(), "/admin?tab=x");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location"))
        .get()
        .asString()
        .endsWith("/login?return=" + URLEncoder.encode("/admin?tab=x", StandardCharsets.UTF_8) + "&max_age=0");
    ApiClient.Response api = citizen.session().get("/api/v1/admin/administrators");
    assertThat(api.status()).isEqualTo(403);
    assertThat(api.text("signIn")).isEqualTo("/login?return=%2Fadmin&max_age=0");

    // the sign-in page it is sent to asks for the password again, even though signed in
    ApiClient.Response signIn = page(citizen.session(), "/login?return=%2Fadmin&max_age=0");
    assertThat(signIn.status()).isEqualTo(200);
    assertThat(signIn.raw().body()).contains("name=\"password\"");

    ApiClient withSms = new ApiClient(port);
    assertThat(withSms.post("/api/v1/session", Map.of("login", citizen.phone(), "password", PASSWORD)).status()).isEqualTo(202);
    assertThat(withSms.post("/api/v1/session/second-factor/sms", Map.of()).status()).isEqualTo(202);
    String code = new DevOutbox(port).awaitCodeIn(citizen.phone(), "код для входа");
    assertThat(withSms.post("/api/v1/session/second-factor", Map.of("method", "sms", "code", code)).status()).isEqualTo(200);
    ApiClient.Response admitted = page(withSms, "/admin");
    assertThat(admitted.status()).isEqualTo(200);
    assertThat(admitted.raw().body()).contains("Администрирование", citizen.phone());
    assertThat(withSms.get("/api/v1/admin/administrators").status()).isEqualTo(200);
  }

  @Test
  void theSessionThatTurnedTheAppOnHasProvenIt() {
    Citizen citizen = citizen();
    grant(citizen.phone());
    SecondFactorEnrolment.turnAppOn(citizen.session(), clock);

    assertThat(page(citizen.session(), "/admin").status()).as("the app's code was typed in this session").isEqualTo(200);
  }

  @Test
  void aRevokedRoleCountsAtTheNextRequest() {
    Administrator administrator = administrator();
    assertThat(page(administrator.session(), "/admin").status()).isEqualTo(200);

    jdbc.sql("delete from account_role where account_id = :id").param("id", administrator.id()).update();

    assertThat(page(administrator.session(), "/admin").status()).isEqualTo(403);
    assertThat(administrator.session().get("/api/v1/admin/administrators").status()).isEqualTo(403);
  }

  @Test
  void anAdministratorGrantsAndRevokesTheRoleByLoginAndEachIsAudited() {
    Administrator administrator = administrator();
    Citizen citizen = citizen();

    ApiClient.Response unknown = form(administrator.session(), "/admin/administrators", Map.of("login", TestContacts.phone()));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.raw().body()).contains("Учётной записи с таким телефоном или почтой нет");
    ApiClient.Response snils = form(administrator.session(), "/admin/administrators", Map.of("login", "112-233-445 95"));
    assertThat(snils.status()).isEqualTo(422);

    ApiClient.Response granted = form(administrator.session(), "/admin/administrators", Map.of("login", citizen.phone()));
    assertThat(granted.status()).as(granted.toString()).isEqualTo(302);
    assertThat(granted.header("Location")).get().asString().endsWith("/admin");
    assertThat(roles.has(citizen.id(), Role.ADMINISTRATOR)).isTrue();
    await().atMost(Waits.BACKGROUND).until(() -> auditDetails(citizen.id(), "ROLE_GRANTED") != null);
    assertThat(auditDetails(citizen.id(), "ROLE_GRANTED")).isEqualTo("role=administrator by=" + administrator.id());
    assertThat(page(administrator.session(), "/admin").raw().body()).contains(citizen.phone());

    ApiClient.Response revoked =
        form(administrator.session(), "/admin/administrators/" + citizen.id() + "/revoke", Map.of());
    assertThat(revoked.status()).isEqualTo(302);
    assertThat(roles.has(citizen.id(), Role.ADMINISTRATOR)).isFalse();
    await().atMost(Waits.BACKGROUND).until(() -> auditDetails(citizen.id(), "ROLE_REVOKED") != null);
    assertThat(auditDetails(citizen.id(), "ROLE_REVOKED")).isEqualTo("role=administrator by=" + administrator.id());
  }

  @Test
  void grantingAndRevokingNeedARecentPassword() {
    Administrator administrator = administrator();
    Citizen citizen = citizen();
    clock.advance(Duration.ofMinutes(6));

    ApiClient.Response granted = form(administrator.session(), "/admin/administrators", Map.of("login", citizen.phone()));

    assertThat(granted.status()).isEqualTo(302);
    assertThat(granted.header("Location")).get().asString().contains("/login/confirm");
    assertThat(roles.has(citizen.id(), Role.ADMINISTRATOR)).isFalse();
    assertThat(page(administrator.session(), "/admin").status()).as("looking needs no new password").isEqualTo(200);
  }

  @Test
  void theLastAdministratorKeepsTheRole() {
    Administrator administrator = administrator();
    // (wiping the table first would not do: the next account opened brings the configured one back)
    jdbc.sql("delete from account_role where account_id <> :id").param("id", administrator.id()).update();
    assertThat(roles.administrators()).hasSize(1);

    ApiClient.Response refused = form(administrator.session(), "/admin/administrators/" + administrator.id() + "/revoke", Map.of());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.raw().body()).contains("Это последний администратор");
    assertThat(roles.has(administrator.id(), Role.ADMINISTRATOR)).isTrue();

    // with a second one, one may step down, and is an administrator no more at once
    Citizen second = citizen();
    grant(second.phone());
    ApiClient.Response stepDown = form(administrator.session(), "/admin/administrators/" + administrator.id() + "/revoke", Map.of());
    assertThat(stepDown.status()).isEqualTo(302);
    assertThat(roles.administrators()).extracting(a -> a.accountId()).containsExactly(second.id());
    assertThat(page(administrator.session(), "/admin").status()).isEqualTo(403);
  }

  @Test
  void deletingAnAccountTakesItsRolesWithIt() {
    Administrator administrator = administrator();
    Citizen other = citizen();
    grant(other.phone());

    assertThat(other.session().delete("/api/v1/me").status()).isEqualTo(204);

    assertThat(jdbc.sql("select count(*) from account_role where account_id = :id").param("id", other.id()).query(Long.class).single())
        .isZero();
    assertThat(roles.has(administrator.id(), Role.ADMINISTRATOR)).isTrue();
  }

  // --- helpers

  private void noAdministrators() {
    jdbc.sql("delete from account_role").update();
  }

  private Citizen citizen() {
    String phone = TestContacts.phone();
    ApiClient session = TestAccounts.registerByPhone(port, phone, PASSWORD);
    return new Citizen(phone, idOf(session), session);
  }

  private Administrator administrator() {
    Citizen citizen = citizen();
    grant(citizen.phone());
    SecondFactorEnrolment.App app = SecondFactorEnrolment.turnAppOn(citizen.session(), clock);
    return new Administrator(citizen.phone(), citizen.id(), app, signInWithApp(citizen.phone(), app));
  }

  private void grant(String phone) {
    roles.grant(LoginIdentifier.classify(phone).orElseThrow(), Role.ADMINISTRATOR, UUID.randomUUID());
  }

  private ApiClient signInWithApp(String phone, SecondFactorEnrolment.App app) {
    ApiClient session = new ApiClient(port);
    ApiClient.Response password = session.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
    assertThat(password.status()).as(password.toString()).isEqualTo(202);
    ApiClient.Response done =
        session.post("/api/v1/session/second-factor", Map.of("method", "totp", "code", app.nextCode(clock)));
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    return session;
  }

  private static UUID idOf(ApiClient session) {
    return UUID.fromString(session.get("/api/v1/me").text("id"));
  }

  private String auditDetails(UUID accountId, String kind) {
    return jdbc.sql("select details from audit_event where account_id = :id and kind = :kind order by seq desc")
        .param("id", accountId)
        .param("kind", kind)
        .query(String.class)
        .list()
        .stream()
        .findFirst()
        .orElse(null);
  }
}
