package org.propusk.operator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.propusk.test.Pages.form;
import static org.propusk.test.Pages.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.propusk.account.AccountLevel;
import org.propusk.account.Accounts;
import org.propusk.account.IdentityProofMethod;
import org.propusk.account.Role;
import org.propusk.account.Roles;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.identifiers.Snils;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestAdministrators;
import org.propusk.test.TestContacts;
import org.propusk.test.TestOperators;
import org.propusk.test.TestOperators.Operator;
import org.propusk.test.VerifiedProfiles;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operator console over HTTP: only operators with their second factor in this session get in;
 * they find citizens by SNILS, passport or phone and see only what the comparison needs; a Standard
 * citizen becomes Confirmed once the operator ticks that the passport matches, and nobody else;
 * searches are limited per operator and every action is in the audit trail with the centre.
 */
@PropuskIntegrationTest
class OperatorConsoleIntegrationTests {

  static final String PASSWORD = "зимний-сад-под-окном-44";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired Roles roles;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void aCitizenWhoIsNoOperatorIsRefused() {
    String phone = TestContacts.phone();
    ApiClient citizen = TestAccounts.registerByPhone(port, phone, PASSWORD);
    assertThat(page(citizen, "/operator").status()).isEqualTo(403);
    assertThat(form(citizen, "/operator/search", Map.of("by", "phone", "phone", phone)).status()).isEqualTo(403);
    ApiClient.Response api = citizen.get("/api/v1/operator/anything");
    assertThat(api.status()).isEqualTo(403);
    assertThat(api.text("type")).isEqualTo("https://propusk.org/problems/not-operator");

    // an administrator with a second factor is no operator either
    ApiClient administrator = TestAdministrators.administrator(port, roles, clock);
    assertThat(page(administrator, "/operator").status()).isEqualTo(403);
    assertThat(page(administrator, "/operator/two-step").status()).isEqualTo(403);
    // nor does an operator get into the admin pages
    Operator operator = TestOperators.operator(port, roles, clock);
    assertThat(page(operator.session(), "/admin").status()).isEqualTo(403);
    assertThat(page(new ApiClient(port), "/operator").header("Location")).get().asString().endsWith("/login");
  }

  @Test
  void anOperatorWithoutASecondFactorIsToldToTurnItOnAndOneWhoDidNotUseItSignsInAgain() {
    Operator operator = TestOperators.operatorWithoutSecondFactor(port, roles, clock);
    ApiClient.Response page = page(operator.session(), "/operator");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location")).get().asString().endsWith("/operator/two-step");
    ApiClient.Response explanation = page(operator.session(), "/operator/two-step");
    assertThat(explanation.status()).isEqualTo(200);
    assertThat(explanation.raw().body()).contains("Операторы центров обслуживания входят только в два шага");
    ApiClient.Response search = form(operator.session(), "/operator/search", Map.of("by", "phone", "phone", operator.phone()));
    assertThat(search.status()).isEqualTo(302);

    // SMS turned on: the registration's code proved the phone, not a second factor; sign in again
    SecondFactorEnrolment.turnSmsOn(operator.session());
    ApiClient.Response again = page(operator.session(), "/operator");
    assertThat(again.status()).isEqualTo(302);
    assertThat(again.header("Location")).get().asString().endsWith("/login?return=%2Foperator&max_age=0");
  }

  @Test
  void anOperatorWithoutACentreIsToldSo() {
    String phone = TestContacts.phone();
    ApiClient session = TestAccounts.registerByPhone(port, phone, PASSWORD);
    roles.grant(LoginIdentifier.classify(phone).orElseThrow(), Role.OPERATOR, UUID.randomUUID());
    SecondFactorEnrolment.turnAppOn(session, clock);
    ApiClient.Response page = page(session, "/operator");
    assertThat(page.status()).isEqualTo(403);
    assertThat(page.raw().body()).contains("ни один центр обслуживания вас не добавил");
    assertThat(form(session, "/operator/search", Map.of("by", "phone", "phone", phone)).status()).isEqualTo(403);
  }

  @Test
  void anOperatorFindsAStandardCitizenAndConfirmsTheIdentityAfterComparingThePassport() {
    Operator operator = TestOperators.operator(port, roles, clock);
    String phone = TestContacts.phone();
    ApiClient citizen = TestAccounts.registerByPhone(port, phone, PASSWORD);
    Map<String, Object> profile = VerifiedProfiles.verify(citizen);
    UUID citizenId = UUID.fromString(citizen.get("/api/v1/me").text("id"));
    String snils = (String) profile.get("snils");
    String digits = snils.replaceAll("\\D", "");

    ApiClient.Response bySnils = form(operator.session(), "/operator/search", Map.of("by", "snils", "snils", digits));
    assertThat(bySnils.status()).isEqualTo(200);
    String body = bySnils.raw().body();
    String card = body.substring(body.indexOf("id=\"citizen\""), body.indexOf("</section>", body.indexOf("id=\"citizen\"")));
    assertThat(card).contains((String) profile.get("lastName"), (String) profile.get("firstName"), "•••-•••-" + snils.substring(snils.length() - 5));
    assertThat(card).contains("Стандартная", "Подтвердить личность");
    // what the comparison does not need is not shown: the full numbers, the contacts
    assertThat(card).doesNotContain(snils, digits.substring(0, 9), (String) profile.get("passportNumber"), phone, phone.substring(2));

    String series = ((String) profile.get("passportSeries")).replace(" ", "");
    ApiClient.Response byPassport =
        form(operator.session(), "/operator/search", Map.of("by", "passport", "passportSeries", series, "passportNumber", (String) profile.get("passportNumber")));
    assertThat(byPassport.raw().body()).contains("/operator/citizens/" + citizenId + "/confirm");
    ApiClient.Response byPhone = form(operator.session(), "/operator/search", Map.of("by", "phone", "phone", "8 " + phone.substring(2)));
    assertThat(byPhone.raw().body()).contains("/operator/citizens/" + citizenId + "/confirm");

    ApiClient.Response unticked = form(operator.session(), "/operator/citizens/" + citizenId + "/confirm", Map.of());
    assertThat(unticked.status()).isEqualTo(422);
    assertThat(unticked.raw().body()).contains("Сверьте паспорт с данными и отметьте, что они совпадают");
    assertThat(level(citizenId)).isEqualTo(AccountLevel.STANDARD);

    ApiClient.Response confirmed =
        form(operator.session(), "/operator/citizens/" + citizenId + "/confirm", Map.of("passportMatches", "true"));
    assertThat(confirmed.status()).isEqualTo(302);
    assertThat(page(operator.session(), "/operator").raw().body()).contains("Личность подтверждена.");
    assertThat(level(citizenId)).isEqualTo(AccountLevel.CONFIRMED);
    var proof = accounts.find(citizenId).orElseThrow().identityProof();
    assertThat(proof.method()).isEqualTo(IdentityProofMethod.SERVICE_CENTRE);
    assertThat(proof.source()).isEqualTo(operator.centreName());
    assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("confirmed");

    // again: nothing to do
    ApiClient.Response twice = form(operator.session(), "/operator/citizens/" + citizenId + "/confirm", Map.of("passportMatches", "true"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.raw().body()).contains("Личность этого гражданина уже подтверждена");

    // the trail: the operator's searches and the confirmation, with operator and centre, no numbers
    await().atMost(Waits.BACKGROUND).until(() -> details(citizenId, "OPERATOR_ACTION").size() == 4);
    assertThat(details(citizenId, "OPERATOR_ACTION"))
        .contains(
            "action=identity_confirmed centre=" + operator.centreCode() + " operator=" + operator.accountId() + " centre_name=" + operator.centreName(),
            "action=searched centre=" + operator.centreCode() + " operator=" + operator.accountId() + " by=snils found=true centre_name=" + operator.centreName());
    assertThat(details(operator.accountId(), "OPERATOR_ACTION")).hasSize(4).noneMatch(d -> d.contains(digits) || d.contains(phone));
    // the citizen's history names the centre
    await().atMost(Waits.BACKGROUND).until(() -> page(citizen, "/account/history").raw().body().contains("Оператор центра обслуживания «" + operator.centreName() + "» подтвердил личность по паспорту"));
    assertThat(citizen.get("/api/v1/me/history").raw().body()).contains("identity_confirmed", "operator_action");
  }

  @Test
  void aSimplifiedAccountIsRefusedWithAClearMessage() {
    Operator operator = TestOperators.operator(port, roles, clock);
    String phone = TestContacts.phone();
    ApiClient citizen = TestAccounts.registerByPhone(port, phone, PASSWORD);
    UUID citizenId = UUID.fromString(citizen.get("/api/v1/me").text("id"));

    ApiClient.Response found = form(operator.session(), "/operator/search", Map.of("by", "phone", "phone", phone));
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.raw().body()).contains("Упрощённая", "Подтвердить личность пока нельзя").doesNotContain("confirm-form");

    ApiClient.Response refused = form(operator.session(), "/operator/citizens/" + citizenId + "/confirm", Map.of("passportMatches", "true"));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.raw().body()).contains("СНИЛС и паспорт гражданина ещё не проверены");
    assertThat(level(citizenId)).isEqualTo(AccountLevel.SIMPLIFIED);
    assertThat(accounts.find(citizenId).orElseThrow().identityProof()).isNull();

    ApiClient.Response unknown = form(operator.session(), "/operator/citizens/" + UUID.randomUUID() + "/confirm", Map.of("passportMatches", "true"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(form(operator.session(), "/operator/citizens/not-a-uuid/confirm", Map.of()).status()).isEqualTo(400);
  }

  @Test
  void badOrUnknownNumbersAreAnsweredNextToTheirFields() {
    Operator operator = TestOperators.operator(port, roles, clock);
    String unknownSnils = Snils.withChecksum(String.format("%09d", ThreadLocalRandom.current().nextLong(2_000_000, 1_000_000_000L))).digits();

    ApiClient.Response nobody = form(operator.session(), "/operator/search", Map.of("by", "snils", "snils", unknownSnils));
    assertThat(nobody.status()).isEqualTo(200);
    assertThat(nobody.raw().body()).contains("Никого не нашли");
    await()
        .atMost(Waits.BACKGROUND)
        .until(() -> page(operator.session(), "/account/history").raw().body().contains("Оператор центра обслуживания «" + operator.centreName() + "» искал учётную запись и не нашёл"));
    assertThat(details(operator.accountId(), "OPERATOR_ACTION")).noneMatch(d -> d.contains(unknownSnils));

    assertField(form(operator.session(), "/operator/search", Map.of("by", "snils", "snils", "112-233-445 96")), "snils", "контрольное число СНИЛС не сходится");
    assertField(form(operator.session(), "/operator/search", Map.of("by", "snils", "snils", "")), "snils", "Заполните поле");
    assertField(form(operator.session(), "/operator/search", Map.of("by", "passport", "passportSeries", "", "passportNumber", "")), "passportSeries", "Укажите серию паспорта");
    assertField(form(operator.session(), "/operator/search", Map.of("by", "passport", "passportSeries", "45x", "passportNumber", "123456")), "passportSeries", "Серия паспорта — 4 цифры");
    assertField(form(operator.session(), "/operator/search", Map.of("by", "phone", "phone", "+7 495 123-45-67")), "phone", "мобильного");
    assertField(form(operator.session(), "/operator/search", Map.of("by", "‮snils")), "by", "Выберите, по чему искать");
    assertField(form(operator.session(), "/operator/search", Map.of("snils", "x".repeat(100_000))), "by", "Выберите, по чему искать");
  }

  @Test
  void searchesAreLimitedPerOperatorEvenAllAtOnce() throws Exception {
    Operator operator = TestOperators.operator(port, roles, clock);
    int tries = 70;
    CyclicBarrier start = new CyclicBarrier(tries);
    List<Future<Integer>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(tries)) {
      for (int i = 0; i < tries; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return form(operator.session(), "/operator/search", Map.of("by", "phone", "phone", operator.phone())).status();
                }));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      assertThat(statuses.stream().filter(s -> s == 200)).hasSize(60);
      assertThat(statuses.stream().filter(s -> s == 429)).hasSize(tries - 60);
    }
    ApiClient.Response refused = form(operator.session(), "/operator/search", Map.of("by", "phone", "phone", operator.phone()));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.raw().body()).contains("Вы искали граждан слишком часто");
    // another operator is not held back
    Operator other = TestOperators.operator(port, roles, clock);
    assertThat(form(other.session(), "/operator/search", Map.of("by", "phone", "phone", operator.phone())).status()).isEqualTo(200);
  }

  @Test
  void administratorsAddCentresAndOperatorsAndBadInputIsRefusedNextToItsField() {
    ApiClient administrator = TestAdministrators.administrator(port, roles, clock);
    String code = "C-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    ApiClient.Response bad =
        form(administrator, "/admin/centres", Map.of("centreCode", "a b", "centreName", "МФЦ\u202eЦФМ", "centreAddress", "   "));
    assertThat(bad.status()).isEqualTo(422);
    assertField(bad, "centreCode", "латинских букв, цифр и дефисов");
    assertField(bad, "centreName", "Уберите невидимые и управляющие символы");
    assertField(bad, "centreAddress", "Укажите адрес");
    assertField(form(administrator, "/admin/centres", Map.of("centreCode", code, "centreName", "x".repeat(201), "centreAddress", "Москва")), "centreName", "Слишком длинное");

    UUID centre = TestOperators.centre(administrator, code.toLowerCase(), "МФЦ " + code);
    assertField(form(administrator, "/admin/centres", Map.of("centreCode", code, "centreName", "Другой", "centreAddress", "Москва")), "centreCode", "Центр с таким кодом уже есть");

    String operatorsPath = "/admin/centres/" + centre + "/operators";
    ApiClient.Response bySnils = form(administrator, operatorsPath, Map.of("login", "112-233-445 95"));
    assertThat(bySnils.status()).isEqualTo(422);
    assertThat(bySnils.raw().body()).contains("Укажите номер мобильного телефона или адрес электронной почты");
    assertThat(form(administrator, operatorsPath, Map.of("login", TestContacts.phone())).raw().body()).contains("Учётной записи с таким телефоном или почтой нет");
    assertThat(form(administrator, "/admin/centres/" + UUID.randomUUID() + "/operators", Map.of("login", TestContacts.phone())).status()).isEqualTo(404);

    // one centre per operator: adding to a second one is refused and changes nothing
    Operator operator = TestOperators.operator(port, roles, clock);
    ApiClient.Response twice = form(administrator, operatorsPath, Map.of("login", operator.phone()));
    assertThat(twice.status()).isEqualTo(422);
    assertThat(twice.raw().body()).contains("Эта учётная запись уже оператор центра обслуживания");
    assertThat(page(operator.session(), "/operator").raw().body()).contains(operator.centreName());

    String citizenPhone = TestContacts.phone();
    ApiClient citizen = TestAccounts.registerByPhone(port, citizenPhone, PASSWORD);
    UUID citizenId = UUID.fromString(citizen.get("/api/v1/me").text("id"));
    assertThat(form(administrator, operatorsPath, Map.of("login", citizenPhone)).status()).isEqualTo(302);
    assertThat(roles.has(citizenId, Role.OPERATOR)).isTrue();
    assertThat(page(administrator, "/admin/centres").raw().body()).contains(citizenPhone);
    assertThat(form(administrator, operatorsPath + "/" + citizenId + "/remove", Map.of()).status()).isEqualTo(302);
    assertThat(roles.has(citizenId, Role.OPERATOR)).isFalse();
    await()
        .atMost(Waits.BACKGROUND)
        .until(() -> page(citizen, "/account/history").raw().body().contains("Снята роль (оператор центра обслуживания)"));
    assertThat(page(citizen, "/account/history").raw().body()).contains("Назначена роль (оператор центра обслуживания)");

    // only administrators; an operator is not one
    assertThat(form(citizen, "/admin/centres", Map.of("centreCode", "X-1", "centreName", "X", "centreAddress", "X")).status()).isEqualTo(403);
    assertThat(page(operator.session(), "/admin/centres").status()).isEqualTo(403);
    await().atMost(Waits.BACKGROUND).until(() -> !details(UUID.fromString(administrator.get("/api/v1/me").text("id")), "SERVICE_CENTRE_ADDED").isEmpty());
  }

  private static void assertField(ApiClient.Response answer, String field, String message) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
    String body = answer.raw().body();
    int error = body.indexOf("id=\"" + field + "-error\"");
    assertThat(error).as("an error next to " + field).isPositive();
    assertThat(body.substring(error, body.indexOf("</p>", error))).contains(message);
  }

  private AccountLevel level(UUID accountId) {
    return accounts.find(accountId).orElseThrow().level().level();
  }

  private List<String> details(UUID accountId, String kind) {
    return jdbc.sql("select details from audit_event where account_id = :id and kind = :kind order by seq")
        .param("id", accountId)
        .param("kind", kind)
        .query(String.class)
        .list();
  }
}
