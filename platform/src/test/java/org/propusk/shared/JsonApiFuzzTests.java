package org.propusk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.FuzzedJson;
import org.propusk.test.FuzzedJson.Field;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fuzz targets for the JSON body of every endpoint of the API that takes one (issue 15), over the
 * real HTTP stack of the shared test context, each from the state its endpoint expects (a
 * registration flow waiting for its code, a signed-in citizen, a recovery at its second factor,
 * ...). Whatever the body, the answer is never a 5xx, an error is a problem document, and no record
 * is half-made: a refused request leaves no new account, flow or profile behind, and a successful
 * one makes at most the one record its endpoint exists for.
 *
 * <p>An ordinary build replays the inputs stored under {@code
 * src/test/resources/org/propusk/shared/JsonApiFuzzTestsInputs/<target>}; {@code ./mvnw -Pfuzz}
 * fuzzes one target (README, "Fuzzing").
 */
@PropuskIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the states below outlive one target
class JsonApiFuzzTests {

  static final String PASSWORD = "сосновый-бор-у-реки-7";

  /** Tables whose rows only a finished step may add. */
  static final List<String> RECORDS =
      List.of("account", "registration_flow", "recovery_flow", "contact_change_flow", "sign_in_flow", "identity_profile");

  static final Field PASSWORD_FIELD = Field.of("password", PASSWORD, "qwerty", "длинный-пароль-без-цифр", "");
  static final Field CODE_FIELD = Field.of("code", "123456", "000000", "12345", "1234567", "abcdef");

  static final Endpoint REGISTRATIONS =
      new Endpoint(
          "registrations", Situation.ANONYMOUS, "POST", "/api/v1/registrations", Set.of("registration_flow"),
          Field.of("lastName", "Иванов", "Salтыков", "O'Brien", " Петрова-Водкина "),
          Field.of("firstName", "Иван", "Anna", "Ё"),
          Field.of("phone", "+79161234567", "8 (916) 123-45-67", "+74951234567"),
          Field.of("email", "ivan@example.ru", "ivan@почта.рф", "ivan@gmаil.com"),
          Field.of("acceptTerms", "true"));

  static final Endpoint REGISTRATION_CONFIRMATION =
      new Endpoint(
          "registrationConfirmation", Situation.REGISTRATION_CODE_SENT, "POST", "/api/v1/registrations/{id}/confirmation", Set.of(), CODE_FIELD);

  static final Endpoint REGISTRATION_PASSWORD_STRENGTH =
      new Endpoint(
          "registrationPasswordStrength", Situation.REGISTRATION_CONFIRMED, "POST", "/api/v1/registrations/{id}/password-strength", Set.of(), PASSWORD_FIELD);

  static final Endpoint REGISTRATION_PASSWORD =
      new Endpoint(
          "registrationPassword", Situation.REGISTRATION_CONFIRMED, "POST", "/api/v1/registrations/{id}/password", Set.of("account"),
          PASSWORD_FIELD, Field.of("passwordRepeat", PASSWORD, "qwerty"));

  static final Endpoint SESSION =
      new Endpoint(
          "session", Situation.BESIDE_AN_ACCOUNT, "POST", "/api/v1/session", Set.of("sign_in_flow"),
          Field.of("login", "{id}", "+79161234567", "ivan@example.ru", "112-233-445 95"),
          PASSWORD_FIELD,
          Field.of("returnTo", "/account", "https://evil.example/", "//evil.example", "/\\evil"),
          Field.of("minLevel", "standard", "verified", "simplified", "x"),
          Field.of("maxAge", "0", "300", "-1"));

  static final Endpoint SIGN_IN_SECOND_FACTOR_SMS =
      new Endpoint(
          "signInSecondFactorSms", Situation.SIGN_IN_AT_SECOND_FACTOR, "POST", "/api/v1/session/second-factor/sms", Set.of(),
          Field.of("flowId", "{id}", "00000000-0000-0000-0000-000000000000"));

  static final Endpoint SIGN_IN_SECOND_FACTOR =
      new Endpoint(
          "signInSecondFactor", Situation.SIGN_IN_AT_SECOND_FACTOR, "POST", "/api/v1/session/second-factor", Set.of(),
          Field.of("method", "totp", "sms", "recovery_code", "pwd"),
          CODE_FIELD,
          Field.of("flowId", "{id}", "00000000-0000-0000-0000-000000000000"));

  static final Endpoint REAUTHENTICATION =
      new Endpoint(
          "reauthentication", Situation.CITIZEN, "POST", "/api/v1/session/reauthentication", Set.of(), PASSWORD_FIELD);

  static final Endpoint RECOVERIES =
      new Endpoint(
          "recoveries", Situation.ANONYMOUS, "POST", "/api/v1/recoveries", Set.of("recovery_flow"),
          Field.of("login", "+79161234567", "ivan@example.ru", "112-233-445 95", "8 916 123 45 67"));

  static final Endpoint RECOVERY_CONFIRMATION =
      new Endpoint(
          "recoveryConfirmation", Situation.RECOVERY_CODE_SENT, "POST", "/api/v1/recoveries/{id}/confirmation", Set.of(), CODE_FIELD);

  static final Endpoint RECOVERY_SECOND_FACTOR =
      new Endpoint(
          "recoverySecondFactor", Situation.RECOVERY_AT_SECOND_FACTOR, "POST", "/api/v1/recoveries/{id}/second-factor", Set.of(),
          Field.of("method", "totp", "recovery_code", "sms"), CODE_FIELD);

  static final Endpoint RECOVERY_OTHER_CONTACT_CONFIRMATION =
      new Endpoint(
          "recoveryOtherContactConfirmation", Situation.RECOVERY_AT_SECOND_FACTOR, "POST", "/api/v1/recoveries/{id}/other-contact/confirmation", Set.of(), CODE_FIELD);

  static final Endpoint RECOVERY_PASSWORD_STRENGTH =
      new Endpoint(
          "recoveryPasswordStrength", Situation.RECOVERY_CONFIRMED, "POST", "/api/v1/recoveries/{id}/password-strength", Set.of(), PASSWORD_FIELD);

  static final Endpoint RECOVERY_PASSWORD =
      new Endpoint(
          "recoveryPassword", Situation.RECOVERY_CONFIRMED, "POST", "/api/v1/recoveries/{id}/password", Set.of(),
          PASSWORD_FIELD, Field.of("passwordRepeat", PASSWORD, "qwerty"));

  static final Endpoint PROFILE =
      new Endpoint(
          "profile", Situation.CITIZEN, "PUT", "/api/v1/profile", Set.of("identity_profile"),
          Field.of("lastName", "Иванов", "Ivanov"),
          Field.of("firstName", "Иван"),
          Field.of("patronymic", "Иванович", ""),
          Field.of("gender", "male", "female", "other"),
          Field.of("birthDate", "1990-05-17", "17.05.1990", "31.02.1990", "2990-01-01"),
          Field.of("birthPlace", "г. Москва"),
          Field.of("citizenship", "RU", "other"),
          Field.of("snils", "112-233-445 95", "11223344596"),
          Field.of("passportSeries", "4506", "45 06"),
          Field.of("passportNumber", "123456"),
          Field.of("passportIssuedOn", "2010-06-01", "01.06.2010"),
          Field.of("passportIssuer", "ОВД района Арбат"),
          Field.of("divisionCode", "770-001", "770001"),
          Field.of("foreignDocumentType", "паспорт"),
          Field.of("foreignDocumentNumber", "AB123456"),
          Field.of("foreignDocumentCountry", "DE", "ZZ"),
          Field.of("confirmRecheck", "true"));

  static final Endpoint CONTACT_CHANGES =
      new Endpoint(
          "contactChanges", Situation.CITIZEN, "POST", "/api/v1/me/contact-changes", Set.of("contact_change_flow"),
          Field.of("phone", "+79161234567", "8 916 123-45-67"),
          Field.of("email", "ivan@example.ru", "ivan@почта.рф"));

  static final Endpoint CONTACT_CHANGE_CONFIRMATION =
      new Endpoint(
          "contactChangeConfirmation", Situation.CONTACT_CHANGE_CODE_SENT, "POST", "/api/v1/me/contact-changes/{id}/confirmation", Set.of(), CODE_FIELD);

  static final Endpoint PASSWORD_CHANGE =
      new Endpoint(
          "passwordChange", Situation.CITIZEN, "PUT", "/api/v1/me/password", Set.of(),
          Field.of("currentPassword", PASSWORD, "wrong"), PASSWORD_FIELD, Field.of("passwordRepeat", PASSWORD, "qwerty"));

  static final Endpoint PASSWORD_STRENGTH =
      new Endpoint(
          "passwordStrength", Situation.CITIZEN, "POST", "/api/v1/me/password-strength", Set.of(), PASSWORD_FIELD);

  static final Endpoint TOTP_CONFIRMATION =
      new Endpoint(
          "totpConfirmation", Situation.TOTP_SETUP_STARTED, "POST", "/api/v1/me/second-factor/totp/confirmation", Set.of(), CODE_FIELD);

  /** Every endpoint above, for the target that fuzzes them all in one run. */
  static final List<Endpoint> ENDPOINTS =
      List.of(
          REGISTRATIONS,
          REGISTRATION_CONFIRMATION,
          REGISTRATION_PASSWORD_STRENGTH,
          REGISTRATION_PASSWORD,
          SESSION,
          SIGN_IN_SECOND_FACTOR_SMS,
          SIGN_IN_SECOND_FACTOR,
          REAUTHENTICATION,
          RECOVERIES,
          RECOVERY_CONFIRMATION,
          RECOVERY_SECOND_FACTOR,
          RECOVERY_OTHER_CONTACT_CONFIRMATION,
          RECOVERY_PASSWORD_STRENGTH,
          RECOVERY_PASSWORD,
          PROFILE,
          CONTACT_CHANGES,
          CONTACT_CHANGE_CONFIRMATION,
          PASSWORD_CHANGE,
          PASSWORD_STRENGTH,
          TOTP_CONFIRMATION);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  private final Map<Situation, State> states = new EnumMap<>(Situation.class);

  /** Answers per endpoint and status, for the record of a fuzzing run. */
  private final Map<String, Map<Integer, LongAdder>> tally = new ConcurrentSkipListMap<>();

  @FuzzTest
  void registrations(FuzzedDataProvider data) {
    fuzz(data, REGISTRATIONS);
  }

  @FuzzTest
  void registrationConfirmation(FuzzedDataProvider data) {
    fuzz(data, REGISTRATION_CONFIRMATION);
  }

  @FuzzTest
  void registrationPasswordStrength(FuzzedDataProvider data) {
    fuzz(data, REGISTRATION_PASSWORD_STRENGTH);
  }

  @FuzzTest
  void registrationPassword(FuzzedDataProvider data) {
    fuzz(data, REGISTRATION_PASSWORD);
  }

  @FuzzTest
  void session(FuzzedDataProvider data) {
    fuzz(data, SESSION);
  }

  @FuzzTest
  void signInSecondFactorSms(FuzzedDataProvider data) {
    fuzz(data, SIGN_IN_SECOND_FACTOR_SMS);
  }

  @FuzzTest
  void signInSecondFactor(FuzzedDataProvider data) {
    fuzz(data, SIGN_IN_SECOND_FACTOR);
  }

  @FuzzTest
  void reauthentication(FuzzedDataProvider data) {
    fuzz(data, REAUTHENTICATION);
  }

  @FuzzTest
  void recoveries(FuzzedDataProvider data) {
    fuzz(data, RECOVERIES);
  }

  @FuzzTest
  void recoveryConfirmation(FuzzedDataProvider data) {
    fuzz(data, RECOVERY_CONFIRMATION);
  }

  @FuzzTest
  void recoverySecondFactor(FuzzedDataProvider data) {
    fuzz(data, RECOVERY_SECOND_FACTOR);
  }

  @FuzzTest
  void recoveryOtherContactConfirmation(FuzzedDataProvider data) {
    fuzz(data, RECOVERY_OTHER_CONTACT_CONFIRMATION);
  }

  @FuzzTest
  void recoveryPasswordStrength(FuzzedDataProvider data) {
    fuzz(data, RECOVERY_PASSWORD_STRENGTH);
  }

  @FuzzTest
  void recoveryPassword(FuzzedDataProvider data) {
    fuzz(data, RECOVERY_PASSWORD);
  }

  @FuzzTest
  void profile(FuzzedDataProvider data) {
    fuzz(data, PROFILE);
  }

  @FuzzTest
  void contactChanges(FuzzedDataProvider data) {
    fuzz(data, CONTACT_CHANGES);
  }

  @FuzzTest
  void contactChangeConfirmation(FuzzedDataProvider data) {
    fuzz(data, CONTACT_CHANGE_CONFIRMATION);
  }

  @FuzzTest
  void passwordChange(FuzzedDataProvider data) {
    fuzz(data, PASSWORD_CHANGE);
  }

  @FuzzTest
  void passwordStrength(FuzzedDataProvider data) {
    fuzz(data, PASSWORD_STRENGTH);
  }

  @FuzzTest
  void totpConfirmation(FuzzedDataProvider data) {
    fuzz(data, TOTP_CONFIRMATION);
  }

  /**
   * All endpoints in one target: one application start for a long run, the fuzzer's data choosing
   * the endpoint; the inputs and answers per endpoint are written to {@code
   * target/fuzz/api-endpoints.txt}.
   */
  @FuzzTest
  void everyEndpoint(FuzzedDataProvider data) {
    fuzz(data, data.pickValue(ENDPOINTS));
  }

  @AfterAll
  void writeTally() throws IOException {
    Path file = Path.of("target", "fuzz", "api-endpoints.txt");
    Files.createDirectories(file.getParent());
    StringBuilder lines = new StringBuilder();
    tally.forEach((endpoint, statuses) -> {
      long inputs = statuses.values().stream().mapToLong(LongAdder::sum).sum();
      lines.append("%-36s %8d  %s%n".formatted(endpoint, inputs, statuses));
    });
    Files.writeString(file, lines);
  }

  /** A call with a JSON body, the state it starts from, and the records its success makes. */
  record Endpoint(String name, Situation situation, String method, String path, Set<String> made, Field... fields) {}

  /** Where an endpoint's requests start from; each is made afresh after {@code uses} inputs. */
  enum Situation {
    /** A client without a session; renewed often so that its address's limits stay low. */
    ANONYMOUS(25),
    /**
     * A client without a session, and an account whose phone is the state's id: a right login and
     * password lets a sign-in go past the hash into the steps of a successful one.
     */
    BESIDE_AN_ACCOUNT(200),
    REGISTRATION_CODE_SENT(200),
    REGISTRATION_CONFIRMED(200),
    /** A citizen who signed in a moment ago (so the password counts as recent). */
    CITIZEN(300),
    CONTACT_CHANGE_CODE_SENT(200),
    TOTP_SETUP_STARTED(200),
    /** A client whose sign-in waits for the second factor of an account with an app. */
    SIGN_IN_AT_SECOND_FACTOR(200),
    RECOVERY_CODE_SENT(200),
    RECOVERY_CONFIRMED(200),
    /** A recovery of an account with an app, its code confirmed: the second factor is asked. */
    RECOVERY_AT_SECOND_FACTOR(200);

    final int uses;

    Situation(int uses) {
      this.uses = uses;
    }
  }

  /**
   * Bodies larger than this are sent after {@code Expect: 100-continue}. Tomcat refuses some
   * requests at their head (a path with {@code %00} or {@code %2F}) with a 400 and closes the
   * connection without reading the body; a client still sending a large body then gets a reset
   * before it reads the answer. RFC 9112 (section 9.6) asks a client to watch for such an early
   * answer, which the JDK's client does only when it waits for the continue.
   */
  static final int EARLY_ANSWER_WATCHED = 16 * 1024;

  /** A client in a situation, the id of its flow (if any), and its session's CSRF token. */
  static final class State {
    final ApiClient client;
    final String id;
    ApiClient.Csrf csrf;
    int used;
    /** The last request this client sent and its answer: a connection it left broken fails the next one. */
    String last = "none";

    State(ApiClient client, String id) {
      this.client = client;
      this.id = id;
      this.csrf = client.csrf();
    }
  }

  private void fuzz(FuzzedDataProvider data, Endpoint endpoint) {
    State state = state(endpoint.situation());
    String path = endpoint.path();
    String method = endpoint.method();
    String id = state.id == null ? "" : state.id;
    String target = path;
    if (path.contains("{id}")) {
      // a flow id that is not the client's, unknown or malformed: a vanished flow must be a 4xx too
      String pathId =
          switch (data.consumeInt(0, 15)) {
            case 0 -> "00000000-0000-0000-0000-000000000000";
            case 1 -> URLEncoder.encode(data.consumeString(40), StandardCharsets.UTF_8);
            default -> id;
          };
      target = path.replace("{id}", pathId);
    }
    List<Field> resolved = new ArrayList<>();
    for (Field field : endpoint.fields()) {
      resolved.add(new Field(field.name(), field.plausible().stream().map(v -> v.replace("{id}", id)).toList()));
    }
    String contentType =
        data.consumeInt(0, 15) == 0
            ? data.pickValue(
                List.of(
                    "application/json;charset=UTF-16",
                    "application/json;charset=ISO-8859-1",
                    "application/json;charset=nope",
                    "text/plain",
                    "application/x-www-form-urlencoded",
                    "application/merge-patch+json",
                    "application/json;;"))
            : "application/json";
    byte[] body = FuzzedJson.body(data, resolved);

    long[] before = records();
    String request = method + " " + target + " " + contentType + " " + preview(body);
    HttpRequest.Builder call =
        state.client.request(target)
            .header("Content-Type", contentType)
            .header(state.csrf.headerName(), state.csrf.token())
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .expectContinue(body.length > EARLY_ANSWER_WATCHED);
    ApiClient.Response answer;
    try {
      answer = state.client.send(call);
    } catch (IllegalStateException noAnswer) {
      // The JDK's client may reuse a connection the server closed after a refusal it answered
      // before the body was sent (seen with "Connection: close" on that answer); sent again, a
      // request goes on a new connection. A server that fails on the input itself fails twice.
      try {
        answer = state.client.send(call);
      } catch (IllegalStateException again) {
        again.addSuppressed(noAnswer);
        throw new IllegalStateException("no answer to " + request + "\n after " + state.last, again);
      }
    }
    state.last = "%s (%d bytes)\n -> %s, Connection: %s".formatted(request, body.length, answer, answer.header("Connection").orElse("-"));
    long[] after = records();
    tally
        .computeIfAbsent(endpoint.name(), name -> new ConcurrentSkipListMap<>())
        .computeIfAbsent(answer.status(), status -> new LongAdder())
        .increment();

    assertThat(answer.status()).as("%s\n -> %s", request, answer).isLessThan(500);
    if (answer.status() >= 400) {
      assertThat(answer.contentType()).as("%s\n -> %s", request, answer).startsWith("application/problem+json");
    }
    boolean done = answer.status() < 300;
    for (int i = 0; i < RECORDS.size(); i++) {
      long allowed = done && endpoint.made().contains(RECORDS.get(i)) ? 1 : 0;
      assertThat(after[i] - before[i])
          .as("new rows in %s after %s\n -> %s", RECORDS.get(i), request, answer)
          .isLessThanOrEqualTo(allowed);
    }
    if (answer.status() == 401 || answer.status() == 403) {
      state.csrf = state.client.csrf(); // a renewed session or token; the next input gets the new one
    }
  }

  private long[] records() {
    String counts = String.join(", ", RECORDS.stream().map(t -> "(select count(*) from " + t + ")").toList());
    return jdbc.sql("select " + counts)
        .query((rs, row) -> {
          long[] values = new long[RECORDS.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = rs.getLong(i + 1);
          }
          return values;
        })
        .single();
  }

  private static String preview(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() > 300 ? text.substring(0, 300) + "... (" + body.length + " bytes)" : text;
  }

  private State state(Situation situation) {
    State state = states.get(situation);
    if (state == null || state.used >= situation.uses) {
      state = build(situation);
      states.put(situation, state);
    }
    state.used++;
    return state;
  }

  private State build(Situation situation) {
    return switch (situation) {
      case ANONYMOUS -> new State(new ApiClient(port), null);
      case BESIDE_AN_ACCOUNT -> {
        String phone = TestContacts.phone();
        TestAccounts.registerByPhone(port, phone, PASSWORD);
        yield new State(new ApiClient(port), phone);
      }
      case REGISTRATION_CODE_SENT -> registration(false);
      case REGISTRATION_CONFIRMED -> registration(true);
      case CITIZEN -> new State(TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD), null);
      case CONTACT_CHANGE_CODE_SENT -> {
        ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
        yield new State(citizen, created(() -> citizen.post("/api/v1/me/contact-changes", Map.of("email", TestContacts.email())), 201, "id"));
      }
      case TOTP_SETUP_STARTED -> {
        ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
        created(() -> citizen.post("/api/v1/me/second-factor/totp", Map.of()), 201, "secret");
        yield new State(citizen, null);
      }
      case SIGN_IN_AT_SECOND_FACTOR -> {
        String phone = withApp();
        ApiClient client = new ApiClient(port);
        yield new State(client, created(() -> client.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)), 202, "flowId"));
      }
      case RECOVERY_CODE_SENT -> recovery(TestAccounts.registerByPhone(port, PASSWORD), false);
      case RECOVERY_CONFIRMED -> recovery(TestAccounts.registerByPhone(port, PASSWORD), true);
      case RECOVERY_AT_SECOND_FACTOR -> recovery(withApp(), true);
    };
  }

  private State registration(boolean confirmed) {
    ApiClient client = new ApiClient(port);
    String phone = TestContacts.phone();
    String id =
        created(
            () -> client.post("/api/v1/registrations", Map.of("lastName", "Козлова", "firstName", "Ирина", "phone", phone, "acceptTerms", true)),
            201,
            "id");
    if (confirmed) {
      String code = new DevOutbox(port).awaitCode(phone, 1);
      created(() -> client.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", code)), 200, "state");
    }
    return new State(client, id);
  }

  /** A recovery of the account with this phone, whose only code so far is the registration's. */
  private State recovery(String phone, boolean confirmed) {
    ApiClient client = new ApiClient(port);
    String id = created(() -> client.post("/api/v1/recoveries", Map.of("login", phone)), 201, "id");
    if (confirmed) {
      String code = new DevOutbox(port).awaitCode(phone, 2);
      created(() -> client.post("/api/v1/recoveries/" + id + "/confirmation", Map.of("code", code)), 200, "state");
    }
    return new State(client, id);
  }

  /** A new account with an authenticator app on; returns its phone. */
  private String withApp() {
    String phone = TestContacts.phone();
    SecondFactorEnrolment.turnAppOn(TestAccounts.registerByPhone(port, phone, PASSWORD), clock);
    return phone;
  }

  private static String created(Supplier<ApiClient.Response> call, int status, String field) {
    ApiClient.Response answer = call.get();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    return answer.text(field);
  }
}
