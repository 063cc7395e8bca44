package org.propusk.verification.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP adapter against a registry gateway on loopback that answers, or misbehaves, on demand.
 * Every failure is {@link RegistryUnavailable}, and no message names the person's documents.
 */
class HttpRegistryGatewayTests {

  /** Far above any answer of the stub on a loaded machine; the timeout itself has its own test. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  static final String SNILS = "11223344595";
  static final String PASSPORT_NUMBER = "123456";
  static final SnilsQuery SNILS_QUERY =
      new SnilsQuery(SNILS, "Иванов", "Иван", "Иванович", LocalDate.of(1985, 4, 12));
  static final PassportQuery PASSPORT_QUERY =
      new PassportQuery(
          "4510",
          PASSPORT_NUMBER,
          LocalDate.of(2010, 5, 20),
          "770-001",
          "Иванов",
          "Иван",
          "Иванович",
          LocalDate.of(1985, 4, 12));

  /** What the stub gateway received. */
  record Received(
      String method, String path, String authorization, String contentType, String body) {}

  /** How the stub gateway answers. */
  interface Behaviour {
    void answer(HttpExchange exchange) throws IOException;
  }

  final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  final CountDownLatch released = new CountDownLatch(1);
  final ExecutorService executor = Executors.newCachedThreadPool();
  volatile Behaviour behaviour;
  HttpServer server;
  HttpRegistryGateway gateway;

  @BeforeEach
  void startTheGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            received.add(
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            behaviour.answer(exchange);
          }
        });
    server.setExecutor(executor);
    server.start();
    gateway = gatewayAt("http://127.0.0.1:" + server.getAddress().getPort() + "/registry/");
  }

  @AfterEach
  void stopTheGateway() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  static HttpRegistryGateway gatewayAt(String baseUrl) {
    return HttpRegistryGateway.create(
        RestClient.builder(), baseUrl, "test-token", Duration.ofMillis(500), READ_TIMEOUT);
  }

  static Behaviour reply(int status, String contentType, String body) {
    return exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      if (contentType != null) {
        exchange.getResponseHeaders().set("Content-Type", contentType);
      }
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    };
  }

  static Behaviour result(String result) {
    return reply(200, "application/json", "{\"result\":\"" + result + "\"}");
  }

  @ParameterizedTest
  @CsvSource({"verified, VERIFIED", "not_found, NOT_FOUND", "mismatch, MISMATCH"})
  void answersWhatTheGatewaySaysAboutASnils(String result, RegistryAnswer answer) {
    behaviour = result(result);
    assertThat(gateway.checkSnils(SNILS_QUERY)).isEqualTo(answer);
  }

  @ParameterizedTest
  @CsvSource({"verified, VERIFIED", "not_found, NOT_FOUND", "mismatch, MISMATCH"})
  void answersWhatTheGatewaySaysAboutAPassport(String result, RegistryAnswer answer) {
    behaviour = result(result);
    assertThat(gateway.checkPassport(PASSPORT_QUERY)).isEqualTo(answer);
  }

  @Test
  void postsTheSnilsCheckAsJsonWithTheBearerToken() throws Exception {
    behaviour = result("verified");
    gateway.checkSnils(SNILS_QUERY);

    Received request = received.poll(1, TimeUnit.SECONDS);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/registry/sfr/snils-checks");
    assertThat(request.authorization()).isEqualTo("Bearer test-token");
    assertThat(request.contentType()).startsWith("application/json");
    JsonNode body = JsonMapper.shared().readTree(request.body());
    assertThat(body.propertyNames())
        .containsExactlyInAnyOrder("snils", "lastName", "firstName", "patronymic", "birthDate");
    assertThat(body.get("snils").asString()).isEqualTo("11223344595");
    assertThat(body.get("lastName").asString()).isEqualTo("Иванов");
    assertThat(body.get("firstName").asString()).isEqualTo("Иван");
    assertThat(body.get("patronymic").asString()).isEqualTo("Иванович");
    assertThat(body.get("birthDate").asString()).isEqualTo("1985-04-12");
  }

  @Test
  void postsThePassportCheckAsJsonWithTheBearerToken() throws Exception {
    behaviour = result("verified");
    gateway.checkPassport(PASSPORT_QUERY);

    Received request = received.poll(1, TimeUnit.SECONDS);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/registry/mvd/passport-checks");
    assertThat(request.authorization()).isEqualTo("Bearer test-token");
    assertThat(request.contentType()).startsWith("application/json");
    JsonNode body = JsonMapper.shared().readTree(request.body());
    assertThat(body.propertyNames())
        .containsExactlyInAnyOrder(
            "series",
            "number",
            "issuedOn",
            "divisionCode",
            "lastName",
            "firstName",
            "patronymic",
            "birthDate");
    assertThat(body.get("series").asString()).isEqualTo("4510");
    assertThat(body.get("number").asString()).isEqualTo("123456");
    assertThat(body.get("issuedOn").asString()).isEqualTo("2010-05-20");
    assertThat(body.get("divisionCode").asString()).isEqualTo("770-001");
    assertThat(body.get("lastName").asString()).isEqualTo("Иванов");
    assertThat(body.get("birthDate").asString()).isEqualTo("1985-04-12");
  }

  @ParameterizedTest
  @CsvSource({"verified, VERIFIED", "not_found, NOT_FOUND", "mismatch, MISMATCH"})
  void answersWhatTheGatewaySaysAboutARegistration(String result, RegistryAnswer answer) {
    behaviour = result(result);
    assertThat(gateway.checkRegistration(REGISTRATION_QUERY)).isEqualTo(answer);
  }

  @Test
  void postsTheRegistrationCheckWithEveryAddressPartAndNullsForMissingOnes() throws Exception {
    behaviour = result("verified");
    gateway.checkRegistration(REGISTRATION_QUERY);

    Received request = received.poll(1, TimeUnit.SECONDS);
    assertThat(request.path()).isEqualTo("/registry/mvd/registration-checks");
    assertThat(request.authorization()).isEqualTo("Bearer test-token");
    JsonNode body = JsonMapper.shared().readTree(request.body());
    assertThat(body.propertyNames())
        .containsExactlyInAnyOrder(
            "series", "number", "lastName", "firstName", "patronymic", "birthDate", "postalIndex",
            "region", "district", "settlement", "street", "house", "building", "flat");
    assertThat(body.get("postalIndex").asString()).isEqualTo("101000");
    assertThat(body.get("region").asString()).isEqualTo("77");
    assertThat(body.get("settlement").asString()).isEqualTo("г. Москва");
    assertThat(body.get("house").asString()).isEqualTo("1");
    assertThat(body.get("district").isNull()).isTrue();
    assertThat(body.get("building").isNull()).isTrue();
  }

  static final RegistrationQuery REGISTRATION_QUERY =
      new RegistrationQuery(
          "4510", "123456", "Иванов", "Иван", "Иванович", LocalDate.of(1985, 4, 12), "101000", "77",
          null, "г. Москва", "ул. Тверская", "1", null, "5");

  @Test
  void sendsAnExplicitNullForAPersonWithoutPatronymic() throws Exception {
    behaviour = result("verified");
    gateway.checkSnils(
        new SnilsQuery("34567890123", "Ахмедова", "Зарина", null, LocalDate.of(2000, 6, 30)));

    JsonNode body = JsonMapper.shared().readTree(received.poll(1, TimeUnit.SECONDS).body());
    assertThat(body.has("patronymic")).isTrue();
    assertThat(body.get("patronymic").isNull()).isTrue();
  }

  @Test
  void sendsNoAuthorizationWhenNoTokenIsConfigured() throws Exception {
    behaviour = result("verified");
    HttpRegistryGateway anonymous =
        HttpRegistryGateway.create(
            RestClient.builder(),
            "http://127.0.0.1:" + server.getAddress().getPort(),
            "",
            Duration.ofMillis(500),
            READ_TIMEOUT);
    anonymous.checkSnils(SNILS_QUERY);

    Received request = received.poll(1, TimeUnit.SECONDS);
    assertThat(request.path()).isEqualTo("/sfr/snils-checks");
    assertThat(request.authorization()).isNull();
  }

  @Test
  void ignoresFieldsOfTheReplyItDoesNotKnow() {
    behaviour = reply(200, "application/json", "{\"requestId\":\"r-1\",\"result\":\"verified\"}");
    assertThat(gateway.checkSnils(SNILS_QUERY)).isEqualTo(RegistryAnswer.VERIFIED);
  }

  @Test
  void treatsAReplySlowerThanTheReadTimeoutAsUnavailable() {
    behaviour =
        exchange -> {
          try {
            released.await(); // held until the test ends: only the read timeout can end the call
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          result("verified").answer(exchange);
        };
    HttpRegistryGateway impatient =
        HttpRegistryGateway.create(
            RestClient.builder(),
            "http://127.0.0.1:" + server.getAddress().getPort(),
            "test-token",
            Duration.ofMillis(500),
            Duration.ofMillis(300));
    assertUnavailable(() -> impatient.checkSnils(SNILS_QUERY));
    assertUnavailable(() -> impatient.checkPassport(PASSPORT_QUERY));
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504, 429, 400, 401, 403, 404, 201, 202, 204})
  void treatsAnyStatusButOkAsUnavailable(int status) {
    behaviour = reply(status, "application/json", status == 204 ? "" : "{\"result\":\"verified\"}");
    assertUnavailable(() -> gateway.checkSnils(SNILS_QUERY));
    assertUnavailable(() -> gateway.checkPassport(PASSPORT_QUERY));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "application/json | this is not json",
        "application/json | {\"result\":",
        "text/html        | <html><body>Service Unavailable</body></html>",
        "application/json | ''",
        "application/json | {}",
        "application/json | {\"result\":null}",
        "application/json | {\"result\":\"maybe\"}",
        "application/json | {\"result\":\"VERIFIED\"}",
        "application/json | {\"result\":{\"verified\":true}}",
        "application/json | [\"verified\"]",
        "application/json | null",
      })
  void treatsAnUnreadableOrUnknownReplyAsUnavailable(String contentType, String body) {
    behaviour = reply(200, contentType, body);
    assertUnavailable(() -> gateway.checkSnils(SNILS_QUERY));
    assertUnavailable(() -> gateway.checkPassport(PASSPORT_QUERY));
  }

  @Test
  void doesNotQuoteAReplyThatEchoesTheDocumentNumbers() {
    behaviour =
        exchange -> {
          String echoed = SNILS + " " + PASSPORT_NUMBER;
          reply(200, "application/json", echoed).answer(exchange);
        };
    assertUnavailable(() -> gateway.checkSnils(SNILS_QUERY));
    behaviour = result(SNILS + PASSPORT_NUMBER);
    assertUnavailable(() -> gateway.checkPassport(PASSPORT_QUERY));
    behaviour = reply(200, "application/json", "{\"result\":\"" + SNILS);
    assertUnavailable(() -> gateway.checkSnils(SNILS_QUERY));
  }

  @Test
  void treatsARefusedConnectionAsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    HttpRegistryGateway nowhere = gatewayAt("http://127.0.0.1:" + closedPort);
    assertUnavailable(() -> nowhere.checkSnils(SNILS_QUERY));
    assertUnavailable(() -> nowhere.checkPassport(PASSPORT_QUERY));
  }

  /** Throws {@link RegistryUnavailable}, and nothing in it, causes included, names a document. */
  static void assertUnavailable(Executable check) {
    Throwable thrown = catchThrowable(check::execute);
    assertThat(thrown).isInstanceOf(RegistryUnavailable.class);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage()))
          .doesNotContain(SNILS)
          .doesNotContain("112-233-445")
          .doesNotContain(PASSPORT_NUMBER)
          .doesNotContain("Иванов");
      assertThat(t.toString()).doesNotContain(SNILS).doesNotContain(PASSPORT_NUMBER);
    }
  }
}
