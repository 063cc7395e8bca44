package org.propusk.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.propusk.federation.FederationFlows;
import org.propusk.federation.FederationFlows.Client;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput, latency percentiles and error rate of the token endpoints over real HTTP on
 * loopback, beside a no-op endpoint for what the server and its filters cost alone:
 *
 * <ul>
 *   <li>no-op: {@code GET /actuator/info} (security filters, no database);
 *   <li>client credentials: a service's own token ({@code test-service}, HMAC secret check, one
 *       ES256 signature, one authorization row written);
 *   <li>userinfo: a citizen's access token (JWT check, authorization read by hash, the account
 *       read, a sharing-log row written);
 *   <li>refresh rotation: each thread rotates its own citizen's refresh token ({@code test-rp};
 *       the level re-read, new access and ID tokens signed, the spent hash recorded).
 * </ul>
 *
 * Not part of the test run (the class name matches no test pattern); run it like {@link
 * ApiBenchmark}, e.g. on PostgreSQL with {@code -Dspring.profiles.active=pg} and
 * {@code PROPUSK_TEST_PG_URL}, and read {@code platform/target/benchmarks/tokens.txt}.
 */
@PropuskIntegrationTest
class TokenBenchmark {

  static final String PASSWORD = "тёплый-ветер-с-юга-11";
  static final String SERVICE = "test-service";
  static final String SERVICE_SECRET = "test-service-secret-0123456789";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Value("${propusk.public-url}") String issuer;
  @Autowired MutableClock clock;

  @Test
  void measuresTheTokenEndpoints() throws Exception {
    LoadRun load = new LoadRun(ApiBenchmark.RUN, ApiBenchmark.THREADS);
    FederationFlows flows = new FederationFlows(new RelyingParty(port, issuer, clock), clock);
    // one citizen per thread, signed in to test-rp in a browser of its own
    List<ApiClient> browsers = new ArrayList<>();
    List<AtomicReference<String>> refreshTokens = new ArrayList<>();
    for (int t = 0; t < ApiBenchmark.THREADS; t++) {
      String phone = TestAccounts.registerByPhone(port, PASSWORD);
      ApiClient browser = new ApiClient(port);
      browsers.add(browser);
      String refresh = flows.tokens(Client.RP, flows.signIn(browser, Client.RP, phone, PASSWORD)).getRefreshToken().getValue();
      refreshTokens.add(new AtomicReference<>(refresh));
    }

    List<String> report = new ArrayList<>();
    report.add(load.header());
    report.add(
        load.measure(
            "no-op (GET /actuator/info)",
            thread -> {
              HttpClient http = HttpClient.newHttpClient();
              return () -> http.send(request("/actuator/info").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            },
            200));
    report.add(
        load.measure(
            "client_credentials (POST /oauth2/token)",
            thread -> {
              HttpClient http = HttpClient.newHttpClient();
              HttpRequest token = tokenRequest(SERVICE, SERVICE_SECRET, "grant_type=client_credentials&scope=api");
              return () -> http.send(token, HttpResponse.BodyHandlers.discarding()).statusCode();
            },
            200));
    // access tokens live 5 minutes: taken just before they are used
    List<String> accessTokens = new ArrayList<>();
    for (ApiClient browser : browsers) {
      accessTokens.add(flows.tokens(Client.RP, flows.again(browser, Client.RP)).getAccessToken().getValue());
    }
    report.add(
        load.measure(
            "userinfo (GET /userinfo)",
            thread -> {
              HttpClient http = HttpClient.newHttpClient();
              HttpRequest userinfo =
                  request("/userinfo").header("Authorization", "Bearer " + accessTokens.get(thread)).GET().build();
              return () -> http.send(userinfo, HttpResponse.BodyHandlers.discarding()).statusCode();
            },
            200));
    report.add(
        load.measure(
            "refresh_token rotation (POST /oauth2/token)",
            thread -> {
              HttpClient http = HttpClient.newHttpClient();
              AtomicReference<String> current = refreshTokens.get(thread);
              return () -> {
                HttpResponse<String> answer =
                    http.send(
                        tokenRequest(
                            Client.RP.id().getValue(),
                            Client.RP.secret().getValue(),
                            "grant_type=refresh_token&refresh_token=" + form(current.get())),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                  current.set(JSON.readTree(answer.body()).get("refresh_token").asString());
                }
                return answer.statusCode();
              };
            },
            200));
    Path out = Path.of("target/benchmarks/tokens.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
    report.forEach(System.out::println);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
  }

  private HttpRequest tokenRequest(String clientId, String secret, String body) {
    String basic = Base64.getEncoder().encodeToString((form(clientId) + ":" + form(secret)).getBytes(StandardCharsets.UTF_8));
    return request("/oauth2/token")
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
