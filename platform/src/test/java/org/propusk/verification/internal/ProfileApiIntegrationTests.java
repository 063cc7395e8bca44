package org.propusk.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.propusk.identifiers.Snils;
import org.propusk.test.ApiClient;
import org.propusk.test.Waits;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestContacts;
import org.propusk.test.TestDatabases;
import org.propusk.verification.IdentityProfiles;
import org.propusk.verification.ProfileForm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * "Мои данные" over the JSON API against the sandbox registry: formal rules, registry checks as
 * background jobs (with outages, retries and the 5-day give-up), the level that follows, and
 * personal data that is sealed at rest and absent from the log.
 */
@PropuskIntegrationTest
@Import(ControllableRegistry.Config.class)
@ExtendWith(OutputCaptureExtension.class)
class ProfileApiIntegrationTests {

  /** The first demo citizen of the sandbox dataset. */
  static final Map<String, Object> IVANOV =
      Map.ofEntries(
          Map.entry("lastName", "Иванов"),
          Map.entry("firstName", "Иван"),
          Map.entry("patronymic", "Иванович"),
          Map.entry("gender", "male"),
          Map.entry("birthDate", "1985-04-12"),
          Map.entry("birthPlace", "г. Москва"),
          Map.entry("citizenship", "RU"),
          Map.entry("snils", "112-233-445 95"),
          Map.entry("passportSeries", "45 10"),
          Map.entry("passportNumber", "123456"),
          Map.entry("passportIssuedOn", "20.05.2010"),
          Map.entry("passportIssuer", "УФМС России по г. Москве"),
          Map.entry("divisionCode", "770001"));

  static final String PASSWORD = "зелёный-чай-на-веранде-5";

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    // its own database: no other test context's job runner may take these checks
    TestDatabases.isolate(registry, "verification_tests");
  }

  @LocalServerPort int port;
  @Autowired ControllableRegistry registry;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityProfiles identityProfiles;
  @Autowired DocumentChecker checker;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void registryBackUp() {
    registry.down.set(false);
  }

  @Test
  void bothDocumentsTurnVerifiedAndTheAccountBecomesStandard(CapturedOutput log) {
    ApiClient citizen = signedInCitizen();
    JsonNode saved = citizen.put("/api/v1/profile", IVANOV).json();
    assertThat(saved.get("snils").asString()).isEqualTo("112-233-445 95");
    assertThat(saved.get("divisionCode").asString()).isEqualTo("770-001");

    awaitChecks(citizen, "verified", "verified");
    assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("standard");
    assertThat(citizen.get("/api/v1/me").text("lastName")).isEqualTo("Иванов");
    assertThat(log.getAll()).doesNotContain("11223344595").doesNotContain("112-233-445 95").doesNotContain("123456");
  }

  @Test
  void givesTheSessionANewIdWhenTheLevelChanges() {
    ApiClient citizen = signedInCitizen();
    String before = citizen.cookie("PROPUSK_SESSION").orElseThrow();
    citizen.put("/api/v1/profile", IVANOV);
    awaitChecks(citizen, "verified", "verified");
    citizen.get("/api/v1/me");
    assertThat(citizen.cookie("PROPUSK_SESSION")).isPresent().get().isNotEqualTo(before);
    assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("standard");
  }

  @Test
  void sealsDocumentNumbersAtRestUnderAKeyId() {
    ApiClient citizen = signedInCitizen();
    citizen.put("/api/v1/profile", IVANOV);
    Map<String, Object> row =
        jdbc.sql("select snils_sealed, snils_lookup, passport_sealed from identity_profile where last_name = 'Иванов'")
            .query()
            .listOfRows()
            .getFirst();
    assertThat(row.values().toString()).doesNotContain("11223344595").doesNotContain("4510123456");
    assertThat((String) row.get("snils_sealed")).startsWith("dev1:");
    assertThat((String) row.get("snils_lookup")).hasSize(64);
  }

  @Test
  void aWrongPassportFailsWithTheReasonAndIsClearedForReentry() {
    ApiClient citizen = signedInCitizen();
    Map<String, Object> wrong = new HashMap<>(IVANOV);
    wrong.put("snils", "");
    wrong.put("passportNumber", "999999");
    citizen.put("/api/v1/profile", wrong);
    JsonNode profile = awaitChecks(citizen, "not_entered", "failed");
    assertThat(profile.get("checks").get("passport").get("reason").asString()).isEqualTo("not_found");
    assertThat(profile.get("passportNumber").isNull()).isTrue();
    assertThat(profile.get("passportSeries").isNull()).isTrue();
    assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("simplified");
  }

  @Test
  void aPassportOfSomeoneElseIsAMismatch() {
    ApiClient citizen = signedInCitizen();
    Map<String, Object> other = new HashMap<>(IVANOV);
    other.put("snils", "");
    other.put("birthDate", "1986-04-12");
    other.put("passportIssuedOn", "2010-05-20");
    citizen.put("/api/v1/profile", other);
    JsonNode profile = awaitChecks(citizen, "not_entered", "failed");
    assertThat(profile.get("checks").get("passport").get("reason").asString()).isEqualTo("mismatch");
  }

  @Test
  void checksEveryFormalRuleWithAMessageNextToEachField() {
    ApiClient citizen = signedInCitizen();
    Map<String, Object> bad = new HashMap<>(IVANOV);
    bad.put("snils", "112-233-445 96");
    bad.put("passportSeries", "45");
    bad.put("passportIssuedOn", "1990-01-01");
    bad.put("divisionCode", "77-001");
    bad.put("gender", "");
    ApiClient.Response answer = citizen.put("/api/v1/profile", bad);
    assertThat(answer.status()).isEqualTo(422);
    assertThat(fields(answer))
        .containsExactlyInAnyOrder(
            "gender:required", "snils:invalid_checksum", "passportSeries:invalid_series",
            "passportIssuedOn:before_fourteen", "divisionCode:invalid_format");

    Map<String, Object> future = new HashMap<>(IVANOV);
    future.put("birthDate", "2015-01-01");
    future.put("passportIssuedOn", "2999-01-01");
    assertThat(fields(citizen.put("/api/v1/profile", future)))
        .containsExactlyInAnyOrder("birthDate:not_adult", "passportIssuedOn:in_future");
  }

  @Test
  void refusesDatesThatDoNotExistInsteadOfMovingThem() {
    ApiClient citizen = signedInCitizen();
    Map<String, Object> impossible = new HashMap<>(IVANOV);
    impossible.put("birthDate", "31.02.1985");
    impossible.put("passportIssuedOn", "2010-02-30");
    ApiClient.Response answer = citizen.put("/api/v1/profile", impossible);
    assertThat(answer.status()).isEqualTo(422);
    assertThat(fields(answer)).containsExactlyInAnyOrder("birthDate:invalid_date", "passportIssuedOn:invalid_date");
  }

  @Test
  void refusesHiddenCharactersAndTextBlankAfterUnicodeWhitespace() {
    ApiClient citizen = signedInCitizen();
    Map<String, Object> hidden = new HashMap<>(IVANOV);
    hidden.put("birthPlace", "\u3000\u00a0");
    hidden.put("passportIssuer", "УФМС\u202e России");
    hidden.put("patronymic", "Иван\u200bович");
    ApiClient.Response answer = citizen.put("/api/v1/profile", hidden);
    assertThat(answer.status()).isEqualTo(422);
    assertThat(fields(answer))
        .containsExactlyInAnyOrder(
            "birthPlace:required", "passportIssuer:invalid_characters", "patronymic:invalid_characters");
  }

  @Test
  void aForeignCitizenEntersAForeignDocumentWithinItsLimits() {
    ApiClient citizen = signedInCitizen();
    Map<String, Object> foreigner = new HashMap<>(IVANOV);
    foreigner.put("citizenship", "other");
    foreigner.put("snils", "");
    foreigner.put("foreignDocumentType", "Паспорт гражданина Республики Беларусь");
    foreigner.put("foreignDocumentNumber", "MP 1234567");
    foreigner.put("foreignDocumentCountry", "Республика Беларусь");
    JsonNode saved = citizen.put("/api/v1/profile", foreigner).json();
    assertThat(saved.get("citizenship").asString()).isEqualTo("other");
    assertThat(saved.get("foreignDocumentNumber").asString()).isEqualTo("MP 1234567");
    assertThat(saved.get("passportNumber").isNull()).isTrue();

    foreigner.put("foreignDocumentType", "x".repeat(61));
    ApiClient.Response tooLong = citizen.put("/api/v1/profile", foreigner);
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(fields(tooLong)).containsExactly("foreignDocumentType:too_long");
  }

  @Test
  void keepsCheckingWhileTheRegistryIsDownAndFinishesWhenItIsBack() {
    registry.down.set(true);
    ApiClient citizen = signedInCitizen();
    int before = registry.calls.get();
    citizen.put("/api/v1/profile", IVANOV);
    await().atMost(Waits.BACKGROUND).until(() -> registry.calls.get() >= before + 4);
    assertThat(checks(citizen).get("snils").get("state").asString()).isEqualTo("pending");

    registry.down.set(false);
    awaitChecks(citizen, "verified", "verified");
  }

  @Test
  void givesUpWithNoAnswerAfterFiveDaysOfOutage() {
    registry.down.set(true);
    String phone = TestContacts.phone();
    ApiClient citizen = signedInCitizen(phone);
    Map<String, Object> snilsOnly = new HashMap<>(IVANOV);
    snilsOnly.put("passportSeries", "");
    snilsOnly.put("passportNumber", "");
    snilsOnly.put("passportIssuedOn", "");
    snilsOnly.put("passportIssuer", "");
    snilsOnly.put("divisionCode", "");
    int before = registry.calls.get();
    citizen.put("/api/v1/profile", snilsOnly);
    await().atMost(Waits.BACKGROUND).until(() -> registry.calls.get() > before);
    clock.advance(Duration.ofDays(5));
    // five days outlast any session: the citizen signs in again to look
    ApiClient later = new ApiClient(port);
    later.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
    JsonNode profile = awaitChecks(later, "failed", "not_entered");
    assertThat(profile.get("checks").get("snils").get("reason").asString()).isEqualTo("no_answer");
    assertThat(profile.get("snils").isNull()).isTrue();
  }

  @Test
  void changingAVerifiedPassportChecksItAgainAndTheLevelFollows() {
    ApiClient citizen = signedInCitizen();
    citizen.put("/api/v1/profile", IVANOV);
    awaitChecks(citizen, "verified", "verified");
    assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("standard");

    registry.down.set(true);
    Map<String, Object> renewed = new HashMap<>(IVANOV);
    renewed.put("passportNumber", "654321");
    ApiClient.Response unconfirmed = citizen.put("/api/v1/profile", renewed);
    assertThat(unconfirmed.status()).as("the citizen is asked first").isEqualTo(409);
    assertThat(unconfirmed.text("type")).endsWith("/recheck-not-confirmed");
    assertThat(unconfirmed.json().get("documents").toString()).isEqualTo("[\"passport\"]");
    assertThat(checks(citizen).get("passport").get("state").asString()).as("nothing changed").isEqualTo("verified");
    assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("standard");

    renewed.put("confirmRecheck", true);
    assertThat(citizen.put("/api/v1/profile", renewed).status()).isEqualTo(200);
    assertThat(checks(citizen).get("passport").get("state").asString()).isEqualTo("pending");
    assertThat(checks(citizen).get("snils").get("state").asString()).isEqualTo("verified");
    assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("simplified");

    registry.down.set(false);
    awaitChecks(citizen, "verified", "failed");
    assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("simplified");
  }

  @Test
  void oneSnilsBelongsToOneAccount() {
    ApiClient first = signedInCitizen();
    ApiClient second = signedInCitizen();
    assertThat(second.put("/api/v1/profile", IVANOV).status()).isEqualTo(200);
    ApiClient.Response taken = first.put("/api/v1/profile", IVANOV);
    assertThat(taken.status()).isEqualTo(422);
    assertThat(fields(taken)).contains("snils:taken");
  }

  @Test
  void limitsChecksOfNewlyEnteredDocumentsPerAccount() {
    ApiClient citizen = signedInCitizen();
    Map<String, Object> profile = new HashMap<>(IVANOV);
    List.of("passportSeries", "passportNumber", "passportIssuedOn", "passportIssuer", "divisionCode")
        .forEach(field -> profile.put(field, ""));
    for (int i = 0; i < 10; i++) {
      profile.put("snils", Snils.withChecksum(String.valueOf(200_000_000 + i)).formatted());
      assertThat(citizen.put("/api/v1/profile", profile).status()).isEqualTo(200);
    }
    profile.put("snils", Snils.withChecksum("200000010").formatted());
    ApiClient.Response limited = citizen.put("/api/v1/profile", profile);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isPresent();
    // saving without entering a new document is not a check
    profile.put("snils", "");
    assertThat(citizen.put("/api/v1/profile", profile).status()).isEqualTo(200);
  }

  /**
   * A save and a check outcome of one account at the same moment (seen in CI as a 500 on PostgreSQL,
   * "deadlock detected"): the outcome waits for the save's profile row before it takes the check's,
   * so the save goes through and the outcome of the replaced check is dropped.
   */
  @Test
  void aSaveAndACheckOutcomeAtTheSameMomentBothGoThrough() throws Exception {
    ApiClient citizen = signedInCitizen();
    UUID me = UUID.fromString(citizen.get("/api/v1/me").text("id"));
    Map<String, Object> profile = new HashMap<>(IVANOV);
    List.of("passportSeries", "passportNumber", "passportIssuedOn", "passportIssuer", "divisionCode")
        .forEach(field -> profile.put(field, ""));
    profile.put("snils", Snils.withChecksum("300000001").formatted()); // unknown to the registry: fails
    registry.down.set(true);
    assertThat(citizen.put("/api/v1/profile", profile).status()).isEqualTo(200);
    UUID pending =
        jdbc.sql("select id from document_check where account_id = :me and document = 'SNILS'").param("me", me).query(UUID.class).single();
    ProfileForm renewed =
        new ProfileForm(
            "Иванов", "Иван", "Иванович", "male", "1985-04-12", "г. Москва", "RU", Snils.withChecksum("300000002").formatted(),
            "", "", "", "", "", null, null, null, null, null);

    ExecutorService checkRunner = Executors.newSingleThreadExecutor();
    try {
      Future<?> outcome =
          transactions.execute(
              tx -> {
                // what the save writes first, held while the check's outcome comes
                jdbc.sql("select account_id from identity_profile where account_id = :me for update").param("me", me).query().listOfRows();
                registry.down.set(false);
                Future<?> running = checkRunner.submit(() -> checker.run(pending));
                await()
                    .atMost(Waits.BACKGROUND)
                    .until(
                        () ->
                            TestDatabases.executing(jdbc, "select account_id from identity_profile")
                                || TestDatabases.executing(jdbc, "update identity_profile set snils_sealed"));
                identityProfiles.save(me, renewed, "127.0.0.1");
                return running;
              });
      outcome.get(Waits.BACKGROUND.toSeconds(), TimeUnit.SECONDS);
    } finally {
      checkRunner.shutdownNow();
    }
    UUID renewedCheck =
        jdbc.sql("select id from document_check where account_id = :me and document = 'SNILS'").param("me", me).query(UUID.class).single();
    assertThat(renewedCheck).as("the outcome of the replaced check is dropped").isNotEqualTo(pending);
    await().atMost(Waits.BACKGROUND).until(() -> checks(citizen).get("snils").get("state").asString().equals("failed"));
  }

  /**
   * A SNILS whose eleven digits are also a mobile number (8 994 ...): typed bare, it signs in when
   * no account has that phone; typed as on the card, it is a SNILS.
   */
  @Test
  void aVerifiedSnilsThatLooksLikeAPhoneNumberSignsInToo() {
    ApiClient citizen = signedInCitizen();
    // a citizen of the sandbox registries whose SNILS, 899-421-303 55, is also the phone +7 994 213-03-55
    Map<String, Object> maslova = new HashMap<>(IVANOV);
    maslova.putAll(
        Map.of(
            "lastName", "Маслова", "firstName", "Анна", "patronymic", "Анатольевна", "gender", "female",
            "birthDate", "1982-04-29", "birthPlace", "г. Омск", "snils", "899-421-303 55"));
    List.of("passportSeries", "passportNumber", "passportIssuedOn", "passportIssuer", "divisionCode")
        .forEach(field -> maslova.put(field, ""));
    assertThat(citizen.put("/api/v1/profile", maslova).status()).isEqualTo(200);
    await().atMost(Waits.BACKGROUND).until(() -> checks(citizen).get("snils").get("state").asString().equals("verified"));

    for (String typed : List.of("89942130355", "899-421-303 55")) {
      ApiClient browser = new ApiClient(port);
      assertThat(browser.post("/api/v1/session", Map.of("login", typed, "password", PASSWORD)).status()).as(typed).isEqualTo(200);
      assertThat(browser.get("/api/v1/me").text("id")).isEqualTo(citizen.get("/api/v1/me").text("id"));
    }

    // one budget of wrong passwords for the SNILS, whichever way it is typed
    for (int free = 0; free < 3; free++) {
      assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", "899-421-303 55", "password", "не-тот-пароль-1")).status())
          .isEqualTo(401);
    }
    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", "89942130355", "password", "не-тот-пароль-1")).status())
        .as("the digits alone are slowed down too")
        .isEqualTo(429);

    // whoever has the phone of those digits signs in to their own account by them; that erases none
    // of the failures against the SNILS (else it could, between guesses at someone else's password)
    signedInCitizen("+79942130355");
    clock.advance(Duration.ofMinutes(1)); // past the delay the failures earned
    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", "89942130355", "password", PASSWORD)).status())
        .isEqualTo(200);
    Map<String, String> guess = Map.of("login", "899-421-303 55", "password", "не-тот-пароль-2");
    assertThat(new ApiClient(port).post("/api/v1/session", guess).status()).isEqualTo(401);
    assertThat(new ApiClient(port).post("/api/v1/session", guess).status())
        .as("the fourth failure in a row is slowed down")
        .isEqualTo(429);
  }

  @Test
  void aVerifiedSnilsSignsInAndRecoversAccessThroughTheConfirmedPhone() {
    String phone = TestContacts.phone();
    verifiedIvanov(phone);

    for (String typed : List.of("112-233-445 95", "11223344595")) {
      ApiClient browser = new ApiClient(port);
      assertThat(browser.post("/api/v1/session", Map.of("login", typed, "password", PASSWORD)).status()).as(typed).isEqualTo(200);
      assertThat(browser.get("/api/v1/me").text("phone")).isEqualTo(phone);
    }

    ApiClient owner = new ApiClient(port);
    ApiClient.Response started = owner.post("/api/v1/recoveries", Map.of("login", "11223344595"));
    assertThat(started.status()).isEqualTo(201);
    String code = awaitRecoveryCode(phone);
    assertThat(owner.post("/api/v1/recoveries/" + started.text("id") + "/confirmation", Map.of("code", code)).text("state"))
        .isEqualTo("code_confirmed");
    String kept =
        jdbc.sql("select contact from recovery_flow where id = :id")
            .param("id", UUID.fromString(started.text("id")))
            .query(String.class)
            .single();
    assertThat(kept).doesNotContain("11223344595").doesNotContain("112-233-445 95");
  }

  @Test
  void aSnilsNotYetVerifiedIsLikeAnUnknownLogin() {
    ApiClient citizen = signedInCitizen();
    registry.down.set(true);
    citizen.put("/api/v1/profile", IVANOV);
    assertThat(checks(citizen).get("snils").get("state").asString()).isEqualTo("pending");

    ApiClient.Response pending = new ApiClient(port).post("/api/v1/session", Map.of("login", "11223344595", "password", PASSWORD));
    ApiClient.Response unknown =
        new ApiClient(port).post("/api/v1/session", Map.of("login", "987-654-321 83", "password", PASSWORD));
    assertThat(pending.status()).isEqualTo(401);
    assertThat(pending.json()).isEqualTo(unknown.json());

    ApiClient.Response recovery = new ApiClient(port).post("/api/v1/recoveries", Map.of("login", "112-233-445 95"));
    ApiClient.Response unknownRecovery = new ApiClient(port).post("/api/v1/recoveries", Map.of("login", "987-654-321 83"));
    assertThat(recovery.status()).isEqualTo(201);
    assertThat(recovery.json().properties().stream().map(Map.Entry::getKey).toList())
        .isEqualTo(unknownRecovery.json().properties().stream().map(Map.Entry::getKey).toList());
    assertThat(recovery.text("channel")).isEqualTo(unknownRecovery.text("channel"));
  }

  /** The code of the recovery message to this phone, among the check and level notices. */
  private String awaitRecoveryCode(String phone) {
    return new DevOutbox(port).awaitCodeIn(phone, "восстановления доступа");
  }

  @Test
  void tellsTheCitizenTheOutcomeAndTheNewLevel() {
    String phone = TestContacts.phone();
    verifiedIvanov(phone);
    DevOutbox outbox = new DevOutbox(port);
    await().atMost(Waits.BACKGROUND).until(() -> outbox.messagesTo(phone).size() >= 4);
    assertThat(outbox.messagesTo(phone).stream().map(m -> m.get("body").asString()).toList())
        .anyMatch(body -> body.contains("СНИЛС проверен"))
        .anyMatch(body -> body.contains("Стандартная"));
  }

  @Test
  void refusesStrangers() {
    assertThat(new ApiClient(port).get("/api/v1/profile").status()).isEqualTo(401);
  }

  private JsonNode awaitChecks(ApiClient citizen, String snils, String passport) {
    await()
        .atMost(Waits.BACKGROUND)
        .until(
            () -> {
              JsonNode checks = checks(citizen);
              return checks.get("snils").get("state").asString().equals(snils)
                  && checks.get("passport").get("state").asString().equals(passport);
            });
    return citizen.get("/api/v1/profile").json();
  }

  private static JsonNode checks(ApiClient citizen) {
    return citizen.get("/api/v1/profile").json().get("checks");
  }

  /** A citizen with this phone whose SNILS and passport (the demo citizen's) are verified. */
  private void verifiedIvanov(String phone) {
    ApiClient citizen = signedInCitizen(phone);
    citizen.put("/api/v1/profile", IVANOV);
    awaitChecks(citizen, "verified", "verified");
  }

  private ApiClient signedInCitizen() {
    return signedInCitizen(TestContacts.phone());
  }

  private ApiClient signedInCitizen(String phone) {
    ApiClient citizen = new ApiClient(port);
    DevOutbox outbox = new DevOutbox(port);
    String id =
        citizen.post("/api/v1/registrations", Map.of("lastName", "Иванов", "firstName", "Иван", "phone", phone, "acceptTerms", true))
            .text("id");
    citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", outbox.awaitCode(phone, 1)));
    assertThat(citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", PASSWORD, "passwordRepeat", PASSWORD)).status())
        .isEqualTo(201);
    // each test owns the demo citizen's documents, and the sign-in by SNILS they gave
    UUID me = UUID.fromString(citizen.get("/api/v1/me").text("id"));
    jdbc.sql("delete from identity_profile where account_id <> :me").param("me", me).update();
    jdbc.sql("update account set snils_lookup = null where id <> :me").param("me", me).update();
    return citizen;
  }

  private static List<String> fields(ApiClient.Response answer) {
    List<String> fields = new ArrayList<>();
    for (JsonNode error : answer.json().get("errors")) {
      fields.add(error.get("field").asString() + ":" + error.get("code").asString());
    }
    return fields;
  }
}
