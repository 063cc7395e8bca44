package org.propusk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.propusk.test.ApiClient;
import org.propusk.test.Waits;
import org.propusk.test.ListenersOnHold;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestContacts;
import org.propusk.test.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production adapters against real protocol peers: an HTTP SMS gateway on loopback that
 * misbehaves on demand, and GreenMail as the SMTP server. Deliveries that fail are retried by the
 * background worker until they succeed.
 */
@PropuskIntegrationTest
class GatewayDeliveryIntegrationTests {

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(false);

  static final SmsGatewayStub SMS = SmsGatewayStub.start();

  @DynamicPropertySource
  static void gateways(DynamicPropertyRegistry registry) {
    // a schema of its own: the other test contexts' background workers must not take our work
    TestDatabases.isolate(registry, "gateway_tests");
    registry.add("propusk.notification.sms.gateway", () -> "http");
    registry.add("propusk.notification.sms.http.url", () -> SMS.url());
    registry.add("propusk.notification.sms.http.token", () -> "test-token");
    registry.add("propusk.notification.sms.http.read-timeout", () -> "1s");
    registry.add("propusk.notification.mail.transport", () -> "smtp");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    registry.add("propusk.notification.keep-bodies", () -> "false");
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry metrics;
  @Autowired @Qualifier("applicationTaskExecutor") ThreadPoolTaskExecutor listeners;

  @BeforeEach
  void healthyGateway() {
    SMS.reset();
  }

  @AfterAll
  static void stopGateway() {
    SMS.stopped.countDown();
    SMS.server.stop(0);
  }

  @Test
  void deliversTheSmsOnceTheGatewayRecoversFromAnOutage() {
    double failedBefore = count("propusk.notifications", "channel", "sms", "outcome", "failed");
    double retriedBefore = count("propusk.events.resubmitted", "event", "RegistrationCodeIssued");
    SMS.plan(503, 500);
    String phone = startRegistration(Map.of("phone", TestContacts.phone()));
    await().atMost(Waits.BACKGROUND).until(() -> SMS.acceptedTo(phone) != null);
    SmsGatewayStub.Received accepted = SMS.acceptedTo(phone);
    assertThat(accepted.body()).contains("\"to\":\"" + phone + "\"").containsPattern("\\d{6}");
    assertThat(accepted.authorization()).isEqualTo("Bearer test-token");
    assertThat(SMS.attemptsTo(phone)).isGreaterThanOrEqualTo(3);
    // what an operator sees of the outage: failed deliveries and the retries that followed
    assertThat(count("propusk.notifications", "channel", "sms", "outcome", "failed") - failedBefore).isGreaterThanOrEqualTo(2);
    assertThat(count("propusk.events.resubmitted", "event", "RegistrationCodeIssued") - retriedBefore).isGreaterThanOrEqualTo(2);
  }

  private double count(String name, String... tags) {
    Counter counter = metrics.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void retriesWhenTheGatewayIsTooSlowOrAnswersGarbage() {
    SMS.plan(SmsGatewayStub.SLOW, SmsGatewayStub.GARBAGE_502);
    String phone = startRegistration(Map.of("phone", TestContacts.phone()));
    await().atMost(Waits.BACKGROUND).until(() -> SMS.acceptedTo(phone) != null);
    assertThat(SMS.attemptsTo(phone)).isGreaterThanOrEqualTo(3);
  }

  @Test
  void sendsTheRegistrationLetterOverSmtpAndKeepsNoCopyOfItsCode() throws Exception {
    String email = startRegistration(Map.of("email", TestContacts.email()));
    await().atMost(Waits.BACKGROUND).until(() -> letterTo(email) != null);
    MimeMessage letter = letterTo(email);
    assertThat(letter.getSubject()).isEqualTo("Подтверждение адреса электронной почты");
    String body = (String) letter.getContent();
    assertThat(body).contains("/register/email/").containsPattern("\\d{6}");
    // the delivery records the message after the SMTP server took it: wait for that row
    await().atMost(Waits.BACKGROUND).until(() -> !keptFor(email).isEmpty());
    assertThat(keptFor(email)).containsExactly("");
  }

  private List<String> keptFor(String recipient) {
    return jdbc.sql("select coalesce(body, '') from notification_message where recipient = :to")
        .param("to", recipient)
        .query(String.class)
        .list();
  }

  @Test
  void keepsTheCodeSealedInTheOutboxWhileTheGatewayIsDown() {
    SMS.down = true;
    ApiClient citizen = new ApiClient(port);
    String phone = TestContacts.phone();
    String id = startRegistration(citizen, Map.of("phone", phone));
    await().atMost(Waits.BACKGROUND).until(() -> SMS.attemptsTo(phone) >= 1);
    String code = codeIn(SMS.received.stream().filter(r -> r.body().contains(phone)).findFirst().orElseThrow().body());

    List<String> outbox = outboxRowsMentioning(id);
    assertThat(outbox).isNotEmpty().noneMatch(row -> row.contains(code));

    SMS.down = false;
    await().atMost(Waits.BACKGROUND).until(() -> SMS.acceptedTo(phone) != null);
    assertThat(codeIn(SMS.acceptedTo(phone).body())).isEqualTo(code);
    ApiClient.Response confirmed = citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", code));
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
  }

  @Test
  void keepsTheLinkAndCodeOfALetterSealedInTheOutbox() throws Exception {
    String email = TestContacts.email();
    String id;
    List<String> outbox;
    try (ListenersOnHold held = ListenersOnHold.hold(listeners)) {
      id = startRegistration(new ApiClient(port), Map.of("email", email));
      outbox = outboxRowsMentioning(id);
    }
    await().atMost(Waits.BACKGROUND).until(() -> letterTo(email) != null);
    String body = (String) letterTo(email).getContent();
    String token = extract(Pattern.compile("/register/email/([A-Za-z0-9_-]+)"), body);
    String code = codeIn(body);
    assertThat(outbox).isNotEmpty().noneMatch(row -> row.contains(token) || row.contains(code) || row.contains("/register/email/"));
  }

  private List<String> outboxRowsMentioning(String flowId) {
    return jdbc.sql("select serialized_event from event_publication where serialized_event like :flow")
        .param("flow", "%" + flowId + "%")
        .query(String.class)
        .list();
  }

  private static String codeIn(String text) {
    return extract(Pattern.compile("\\b(\\d{6})\\b"), text);
  }

  private static String extract(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as(text).isTrue();
    return matcher.group(1);
  }

  private MimeMessage letterTo(String email) throws Exception {
    for (MimeMessage message : MAIL.getReceivedMessages()) {
      if (message.getAllRecipients()[0].toString().equals(email)) {
        return message;
      }
    }
    return null;
  }

  private String startRegistration(Map<String, String> contact) {
    startRegistration(new ApiClient(port), contact);
    return contact.values().iterator().next();
  }

  /** Returns the flow's id. */
  private static String startRegistration(ApiClient citizen, Map<String, String> contact) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("lastName", "Кузнецов", "firstName", "Пётр", "acceptTerms", true));
    body.putAll(contact);
    ApiClient.Response started = citizen.post("/api/v1/registrations", body);
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    return started.text("id");
  }

  /** An SMS gateway on loopback that follows a plan of failures before it accepts. */
  static final class SmsGatewayStub {
    static final int SLOW = -1;
    static final int GARBAGE_502 = -2;

    record Received(String body, String authorization, int answered) {}

    final HttpServer server;
    final Queue<Integer> plan = new ConcurrentLinkedQueue<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** A slow answer is held until the gateway stops, so the adapter's read timeout always fires first. */
    final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    /** While set, every message is answered 503. */
    volatile boolean down;

    private SmsGatewayStub(HttpServer server) {
      this.server = server;
    }

    static SmsGatewayStub start() {
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SmsGatewayStub stub = new SmsGatewayStub(server);
        server.createContext("/sms", exchange -> stub.answer(exchange));
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return stub;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    void plan(int... answers) {
      for (int answer : answers) {
        plan.add(answer);
      }
    }

    void reset() {
      plan.clear();
      down = false;
    }

    Received acceptedTo(String phone) {
      return received.stream()
          .filter(r -> r.answered() == 200 && r.body().contains("\"to\":\"" + phone + "\""))
          .findFirst()
          .orElse(null);
    }

    long attemptsTo(String phone) {
      return received.stream().filter(r -> r.body().contains("\"to\":\"" + phone + "\"")).count();
    }

    private void answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Integer planned = down ? Integer.valueOf(503) : plan.poll();
      int status = planned == null ? 200 : planned;
      received.add(new Received(body, exchange.getRequestHeaders().getFirst("Authorization"), status));
      byte[] answer;
      if (status == SLOW) {
        try {
          stopped.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        status = 200;
        answer = "{}".getBytes(StandardCharsets.UTF_8);
        received.set(received.size() - 1, new Received(body, null, SLOW));
      } else if (status == GARBAGE_502) {
        status = 502;
        answer = "<html>\u0000garbage".getBytes(StandardCharsets.UTF_8);
      } else {
        answer = "{\"accepted\":true}".getBytes(StandardCharsets.UTF_8);
      }
      try {
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      } catch (IOException clientGone) {
        // the adapter gave up waiting: that is the point of the slow answer
      }
      exchange.close();
    }
  }
}
