package org.propusk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.VerifiedProfiles;
import org.propusk.test.Waits;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The domain's counters move with what citizens and services do, and are read the way Prometheus
 * reads them ({@code /actuator/prometheus}, public in the {@code dev} profile): tags from small
 * fixed sets, never a phone, an address or an account.
 */
@PropuskIntegrationTest
class DomainMetricsIntegrationTests {

  static final String PASSWORD = "тихая-гавань-у-моря-7";

  @LocalServerPort int port;

  @Test
  void aSignInMovesItsCounterAndAWrongPasswordAnother() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    Scrape before = scrape();

    ApiClient citizen = new ApiClient(port);
    assertThat(citizen.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(200);
    ApiClient stranger = new ApiClient(port);
    assertThat(stranger.post("/api/v1/session", Map.of("login", phone, "password", "не-тот-пароль-1")).status())
        .isEqualTo(401);

    Scrape after = scrape();
    assertThat(after.increase(before, "propusk_sign_ins_total", "outcome", "signed_in")).isEqualTo(1);
    assertThat(after.increase(before, "propusk_sign_ins_total", "outcome", "wrong_login_or_password")).isEqualTo(1);
  }

  @Test
  void aRegistrationCountsItsStartItsCodeAndItsCompletionByChannel() {
    Scrape before = scrape();

    TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);

    await()
        .atMost(Waits.BACKGROUND)
        .untilAsserted(
            () -> {
              Scrape after = scrape();
              assertThat(after.increase(before, "propusk_registrations_total", "stage", "started", "channel", "sms"))
                  .isGreaterThanOrEqualTo(1);
              assertThat(after.increase(before, "propusk_registrations_total", "stage", "completed", "channel", "sms"))
                  .isGreaterThanOrEqualTo(1);
              assertThat(after.increase(before, "propusk_codes_sent_total", "channel", "sms", "purpose", "registration"))
                  .isGreaterThanOrEqualTo(1);
              assertThat(after.increase(before, "propusk_notifications_total", "channel", "sms", "outcome", "delivered"))
                  .isGreaterThanOrEqualTo(1);
            });
  }

  @Test
  void aSlowedDownSignInCountsTheLimitItHit() {
    ApiClient guesser = new ApiClient(port);
    String login = TestContacts.phone();
    Scrape before = scrape();

    // sign-in-account lets three failures through freely, then makes the next one wait
    int throttled = 0;
    for (int attempt = 0; attempt < 5 && throttled == 0; attempt++) {
      if (guesser.post("/api/v1/session", Map.of("login", login, "password", "угаданный-пароль-" + attempt)).status() == 429) {
        throttled++;
      }
    }

    assertThat(throttled).isEqualTo(1);
    assertThat(scrape().increase(before, "propusk_rate_limits_refused_total", "kind", "sign-in-account", "decision", "delayed"))
        .isEqualTo(1);
  }

  @Test
  void aServiceTokenIsCountedByItsGrantType() {
    Scrape before = scrape();
    ApiClient service = new ApiClient(port);
    String basic = Base64.getEncoder().encodeToString("test-service:test-service-secret-0123456789".getBytes(StandardCharsets.UTF_8));

    ApiClient.Response token =
        service.send(
            service
                .request("/oauth2/token")
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api")));

    assertThat(token.status()).as(token.toString()).isEqualTo(200);
    assertThat(scrape().increase(before, "propusk_tokens_issued_total", "grant_type", "client_credentials")).isEqualTo(1);
  }

  @Test
  void registryChecksAreCountedByDocumentAndOutcome() {
    Scrape before = scrape();
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);

    VerifiedProfiles.verify(citizen);

    Scrape after = scrape();
    assertThat(after.increase(before, "propusk_registry_checks_total", "document", "snils", "outcome", "verified", "reason", "none"))
        .isGreaterThanOrEqualTo(1);
    assertThat(after.increase(before, "propusk_registry_checks_total", "document", "passport", "outcome", "verified", "reason", "none"))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void theScrapeCarriesNoPersonalData() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));

    String text = scrape().text();
    assertThat(text).doesNotContain(phone, phone.substring(1));
    // every propusk_ series has only tags from the fixed sets (words, event type names)
    Matcher series = Pattern.compile("(?m)^propusk_\\w+\\{([^}]*)}").matcher(text);
    while (series.find()) {
      assertThat(series.group(1)).matches("(\\w+=\"[A-Za-z0-9_:.\\-]+\",?)+");
    }
  }

  private Scrape scrape() {
    ApiClient prometheus = new ApiClient(port);
    ApiClient.Response answer = prometheus.send(prometheus.request("/actuator/prometheus").setHeader("Accept", "text/plain").GET());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("text/plain");
    return new Scrape(answer.raw().body());
  }

  /** One reading of the Prometheus text format. */
  record Scrape(String text) {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^(\\w+)\\{([^}]*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** The sum of the series of {@code name} whose labels include these (name, value, ...); 0 when none. */
    double value(String name, String... labels) {
      Map<String, String> wanted = new LinkedHashMap<>();
      for (int i = 0; i < labels.length; i += 2) {
        wanted.put(labels[i], labels[i + 1]);
      }
      double sum = 0;
      Matcher sample = SAMPLE.matcher(text);
      while (sample.find()) {
        if (!sample.group(1).equals(name)) {
          continue;
        }
        Map<String, String> has = new LinkedHashMap<>();
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
          has.put(label.group(1), label.group(2));
        }
        if (has.entrySet().containsAll(wanted.entrySet())) {
          sum += Double.parseDouble(sample.group(3));
        }
      }
      return sum;
    }

    double increase(Scrape before, String name, String... labels) {
      return value(name, labels) - before.value(name, labels);
    }
  }
}
