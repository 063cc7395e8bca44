package org.propusk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.identifiers.MobilePhone;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.VerifiedProfiles;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Deleting the account through the API: guarded by the re-authentication rule; afterwards no
 * session, no login, the phone and the SNILS free for someone else, and none of the person's
 * values left in any text column of the schema (found through the schema's own catalogue, so that
 * a table added later is searched too), while the audit trail keeps its non-personal facts.
 */
@PropuskIntegrationTest
class AccountDeletionApiIntegrationTests {

  static final String PASSWORD = "дальний-маяк-над-заливом-7";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  /** A citizen of the sandbox registry, so that the SNILS and the passport really verify. */
  record Person(
      String lastName, String firstName, String patronymic, String gender, String birthDate, String birthPlace,
      String snils, String passportSeries, String passportNumber, String passportIssuedOn, String passportIssuer,
      String divisionCode) {

    Map<String, Object> profile() {
      Map<String, Object> form = new LinkedHashMap<>();
      form.put("lastName", lastName);
      form.put("firstName", firstName);
      form.put("patronymic", patronymic);
      form.put("gender", gender);
      form.put("birthDate", birthDate);
      form.put("birthPlace", birthPlace);
      form.put("citizenship", "RU");
      form.put("snils", snils);
      form.put("passportSeries", passportSeries);
      form.put("passportNumber", passportNumber);
      form.put("passportIssuedOn", passportIssuedOn);
      form.put("passportIssuer", passportIssuer);
      form.put("divisionCode", divisionCode);
      return form;
    }

    String snilsFormatted() {
      return snils.substring(0, 3) + "-" + snils.substring(3, 6) + "-" + snils.substring(6, 9) + " " + snils.substring(9);
    }
  }

  @Test
  void deletesTheAccountAfterThePasswordAgainAndLeavesNoPersonalDataAnywhere() {
    Person person = personNobodyHere();
    String phone = TestContacts.phone();
    String email = TestContacts.email();
    ApiClient citizen = TestAccounts.addEmail(port, clock, register(phone, person), phone, PASSWORD, email);
    assertThat(citizen.put("/api/v1/profile", person.profile()).status()).isEqualTo(200);
    awaitVerified(citizen);
    UUID accountId = UUID.fromString(citizen.get("/api/v1/me").text("id"));
    // the audit trail is written after each event's transaction, on its own thread
    await()
        .atMost(Waits.BACKGROUND)
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(kindsOf(accountId)).contains("DOCUMENT_CHECKED", "LEVEL_CHANGED"));
    ApiClient otherDevice = signedIn(phone);
    ApiClient bySnils = signedIn(person.snils());
    assertThat(sessionsOf(accountId)).isGreaterThanOrEqualTo(3);

    List<String> values =
        List.of(phone, phone.substring(2), email, person.lastName(), person.firstName(), person.patronymic(),
            person.snils(), person.snilsFormatted());
    assertThat(whereFound(values))
        .as("the search finds the data where it is before the deletion")
        .anyMatch(hit -> hit.startsWith("account.phone "))
        .anyMatch(hit -> hit.startsWith("account.email "))
        .anyMatch(hit -> hit.startsWith("identity_profile.patronymic "))
        .anyMatch(hit -> hit.startsWith("registration_flow.contact "))
        .anyMatch(hit -> hit.startsWith("notification_message.recipient "));

    clock.advance(Duration.ofMinutes(6));
    ApiClient.Response tooLate = citizen.delete("/api/v1/me");
    assertThat(tooLate.status()).as(tooLate.toString()).isEqualTo(403);
    assertThat(tooLate.contentType()).startsWith("application/problem+json");
    assertThat(tooLate.text("type")).endsWith("/reauthentication-required");
    assertThat(citizen.get("/api/v1/me").status()).as("nothing was deleted").isEqualTo(200);

    assertThat(citizen.post("/api/v1/session/reauthentication", Map.of("password", PASSWORD)).status()).isEqualTo(204);
    ApiClient.Response deleted = citizen.delete("/api/v1/me");
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);

    assertThat(citizen.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(otherDevice.get("/api/v1/me").status()).as("the owner's other sessions end too").isEqualTo(401);
    assertThat(bySnils.get("/api/v1/me").status()).isEqualTo(401);
    for (String login : List.of(phone, email, person.snils())) {
      assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", login, "password", PASSWORD)).status())
          .as("sign-in with " + login)
          .isEqualTo(401);
    }

    await()
        .atMost(Waits.BACKGROUND)
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              assertThat(whereFound(values)).as("columns still holding the person's data").isEmpty();
              assertThat(sessionsOf(accountId)).as("stored sessions").isZero();
              assertThat(kindsOf(accountId)).contains("ACCOUNT_DELETED");
            });
    assertThat(kindsOf(accountId))
        .as("the trail keeps what happened")
        .contains("ACCOUNT_OPENED", "CONTACT_CHANGED", "PROFILE_CHANGED", "DOCUMENT_CHECKED", "LEVEL_CHANGED", "SIGNED_IN");
    assertThat(jdbc.sql("select count(*) from audit_event where account_id = :id and client_address is not null")
            .param("id", accountId)
            .query(Integer.class)
            .single())
        .as("but not where from")
        .isZero();
    assertThat(new DevOutbox(port).messagesTo(MobilePhone.parse(phone).value().masked()))
        .as("the owner is told at the old phone, recorded only masked")
        .anyMatch(m -> m.get("body").asString().contains("учётная запись удалена"));

    ApiClient newcomer = register(phone, person);
    assertThat(newcomer.get("/api/v1/me").text("id")).isNotEqualTo(accountId.toString());
    assertThat(newcomer.put("/api/v1/profile", person.profile()).status()).as("the SNILS is free").isEqualTo(200);
    awaitVerified(newcomer);
  }

  @Test
  void answersProblemsToThoseNotAllowed() {
    ApiClient stranger = new ApiClient(port);
    ApiClient.Response unsigned = stranger.delete("/api/v1/me");
    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(unsigned.contentType()).startsWith("application/problem+json");

    String phone = TestContacts.phone();
    ApiClient citizen = register(phone, new Person("Козлова", "Ирина", null, null, null, null, null, null, null, null, null, null));
    ApiClient.Response withoutCsrf =
        citizen.send(citizen.request("/api/v1/me").DELETE());
    assertThat(withoutCsrf.status()).isEqualTo(403);
    assertThat(citizen.get("/api/v1/me").status()).isEqualTo(200);
  }

  // --- the person and the places their data could be ---

  /** A sandbox citizen none of whose names or SNILS occurs anywhere in the database yet. */
  private Person personNobodyHere() {
    for (int tries = 0; tries < 1000; tries++) {
      String[] c = VerifiedProfiles.unusedCitizenRow();
      Person candidate = new Person(c[0], c[1], c[2].isEmpty() ? null : c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11]);
      // the names are kept in clear: another account's equal names would be found after the deletion
      if (candidate.patronymic() != null
          && whereFound(List.of(candidate.lastName(), candidate.firstName(), candidate.patronymic(), candidate.snils()))
              .isEmpty()) {
        return candidate;
      }
    }
    throw new IllegalStateException("no sandbox citizen whose names are not in the database already");
  }


  /**
   * Every {@code table.column} of text type in the current schema that holds one of the values: as
   * the whole value for names (short words that occur inside others), anywhere inside for the rest.
   */
  private List<String> whereFound(List<String> values) {
    List<Map<String, Object>> columns =
        jdbc.sql(
                """
                select table_name, column_name from information_schema.columns
                where lower(table_schema) = lower(current_schema)
                  and lower(data_type) in ('character varying', 'varchar', 'text', 'character', 'char',
                    'character large object', 'clob', 'varchar_ignorecase')
                """)
            .query()
            .listOfRows();
    List<String> found = new ArrayList<>();
    for (Map<String, Object> column : columns) {
      String table = String.valueOf(column.get("table_name")).toLowerCase();
      String name = String.valueOf(column.get("column_name")).toLowerCase();
      for (String value : values) {
        boolean word = value.chars().allMatch(Character::isLetter);
        String sql =
            "select count(*) from " + table + " where " + (word ? name + " = :value" : "lower(" + name + ") like :value");
        int rows =
            jdbc.sql(sql)
                .param("value", word ? value : "%" + value.toLowerCase() + "%")
                .query(Integer.class)
                .single();
        if (rows > 0) {
          found.add(table + "." + name + " holds " + value);
        }
      }
    }
    return found;
  }

  private int sessionsOf(UUID accountId) {
    return jdbc.sql("select count(*) from spring_session where principal_name = :name")
        .param("name", accountId.toString())
        .query(Integer.class)
        .single();
  }

  private List<String> kindsOf(UUID accountId) {
    return jdbc.sql("select kind from audit_event where account_id = :id").param("id", accountId).query(String.class).list();
  }

  // --- the citizen's steps ---

  private ApiClient register(String phone, Person person) {
    ApiClient citizen = new ApiClient(port);
    ApiClient.Response started =
        citizen.post(
            "/api/v1/registrations",
            Map.of("lastName", person.lastName(), "firstName", person.firstName(), "phone", phone, "acceptTerms", true));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String id = started.text("id");
    String code = new DevOutbox(port).awaitCode(phone, 1);
    citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", code));
    ApiClient.Response opened =
        citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", PASSWORD, "passwordRepeat", PASSWORD));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    return citizen;
  }

  private ApiClient signedIn(String login) {
    ApiClient client = new ApiClient(port);
    assertThat(client.post("/api/v1/session", Map.of("login", login, "password", PASSWORD)).status()).as(login).isEqualTo(200);
    return client;
  }

  private static void awaitVerified(ApiClient citizen) {
    await()
        .atMost(Waits.BACKGROUND)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              JsonNode checks = citizen.get("/api/v1/profile").json().get("checks");
              return "verified".equals(checks.get("snils").get("state").asString())
                  && "verified".equals(checks.get("passport").get("state").asString());
            });
  }
}
