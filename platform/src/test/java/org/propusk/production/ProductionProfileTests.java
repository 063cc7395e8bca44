package org.propusk.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.propusk.PropuskApplication;
import org.propusk.test.Waits;
import org.propusk.test.ApiClient;
import org.propusk.test.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** Without the {@code dev} profile the platform runs as in production. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "propusk.security.secret-hash-key=production-test-key-0123456789abcdef",
      "propusk.security.data.keys.p1=cHJvZHVjdGlvbi10ZXN0LWRhdGEta2V5LTAxMjM0NTY=",
      "propusk.security.data.active-key=p1",
      "propusk.security.data.lookup-key=production-test-lookup-key-0123456789",
      "propusk.federation.client-secret-key=production-test-client-secret-key-0123456789"
    })
@ActiveProfiles(resolver = ProductionProfileTests.WithoutDev.class)
class ProductionProfileTests {

  /** Only the profiles given on the command line (e.g. {@code pg}), never {@code dev}. */
  static class WithoutDev implements ActiveProfilesResolver {
    @Override
    public String[] resolve(Class<?> testClass) {
      return Arrays.stream(System.getProperty("spring.profiles.active", "").split(","))
          .map(String::strip)
          .filter(p -> !p.isEmpty() && !p.equals("dev"))
          .toArray(String[]::new);
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.isolate(registry, "production_tests");
  }

  @LocalServerPort int port;
  @Autowired Environment environment;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  @Test
  void reportsHealthWithoutDetailsToStrangers() {
    ApiClient.Response health = new ApiClient(port).get("/actuator/health");
    assertThat(health.text("status")).isIn("UP", "DOWN");
    assertThat(health.json().has("components")).isFalse();
  }

  @Test
  void keepsMetricsFromStrangersButNotHealth() {
    ApiClient stranger = new ApiClient(port);
    assertThat(stranger.get("/actuator/metrics").status()).isEqualTo(401);
    assertThat(stranger.get("/actuator/metrics/jvm.memory.used").status()).isEqualTo(401);
    assertThat(stranger.get("/actuator/prometheus").status()).isEqualTo(401);
    // no mail server here: open, but DOWN
    assertThat(stranger.get("/actuator/health").text("status")).isIn("UP", "DOWN");
  }

  /** Operators give the management endpoints a port of their own, reachable from inside only. */
  @Nested
  @TestPropertySource(properties = "management.server.port=0")
  class WithAManagementPort {

    @LocalServerPort int applicationPort;
    @LocalManagementPort int managementPort;

    @Test
    void servesMetricsThereAndNowhereElse() {
      assertThat(new ApiClient(managementPort).get("/actuator/metrics").status()).isEqualTo(200);
      assertThat(new ApiClient(managementPort).get("/actuator/metrics/jvm.memory.used").status()).isEqualTo(200);
      assertThat(new ApiClient(applicationPort).get("/actuator/metrics").status()).isEqualTo(401);
      ApiClient prometheus = new ApiClient(managementPort);
      ApiClient.Response scrape = prometheus.send(prometheus.request("/actuator/prometheus").setHeader("Accept", "text/plain").GET());
      assertThat(scrape.status()).isEqualTo(200);
      assertThat(scrape.raw().body()).contains("jvm_memory_used_bytes");
      assertThat(new ApiClient(applicationPort).get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void keepsTheProbesOnTheApplicationPortForTheLoadBalancer() {
      assertThat(new ApiClient(applicationPort).get("/readyz").status()).isEqualTo(200);
      assertThat(new ApiClient(applicationPort).get("/livez").status()).isEqualTo(200);
      assertThat(new ApiClient(managementPort).get("/actuator/health/liveness").status()).isEqualTo(200);
    }
  }

  @Test
  void hasNoDefaultUserWithAGeneratedPassword() {
    // Boot logs "Using generated security password" exactly when it creates this bean
    assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
  }

  @Test
  void believesForwardedForFromNoProxyByDefault() {
    ApiClient behindNoProxy = new ApiClient(port, "10.9.8.7");
    // the session cookie is Secure, which the client keeps to itself over plain http: sent by hand
    ApiClient.Response csrf = behindNoProxy.get("/api/v1/csrf");
    String session = csrf.header("Set-Cookie").orElseThrow().split(";")[0];
    ApiClient.Response failed =
        behindNoProxy.send(
            behindNoProxy
                .request("/api/v1/session")
                .header("Cookie", session)
                .header("Content-Type", "application/json")
                .header(csrf.text("headerName"), csrf.text("token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"nobody@example.org\",\"password\":\"wrong-password-1\"}")));
    assertThat(failed.status()).as(failed.toString()).isEqualTo(401);
    // the failed sign-in is audited with the address of the connection, not the header's
    await()
        .atMost(Waits.BACKGROUND)
        .until(() -> failedSignInAddresses().stream().anyMatch(List.of("127.0.0.1", "0:0:0:0:0:0:0:1")::contains));
    assertThat(failedSignInAddresses()).doesNotContain("10.9.8.7");
  }

  private List<String> failedSignInAddresses() {
    return jdbc.sql("select client_address from audit_event where kind = 'SIGN_IN_FAILED'").query(String.class).list();
  }

  @Test
  void servesNoApiDescription() {
    assertThat(new ApiClient(port).get("/v3/api-docs").status()).isEqualTo(404);
  }

  @Test
  void hasNoDevelopmentOutbox() {
    assertThat(new ApiClient(port).get("/dev/outbox").status()).isEqualTo(404);
    assertThat(new ApiClient(port).get("/dev/outbox/view").status()).isEqualTo(404);
  }

  @Test
  void hasNoDemoPortalNorItsClient() {
    ApiClient visitor = new ApiClient(port);
    assertThat(visitor.get("/demo-rp").status()).isEqualTo(404);
    assertThat(visitor.get("/demo-rp/callback?code=x&state=y").status()).isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from federation_client where client_id = 'demo-rp'").query(Integer.class).single())
        .isZero();
  }

  @Test
  void usesRealGatewaysAndKeepsNoMessageBodies() {
    assertThat(environment.getProperty("propusk.notification.sms.gateway")).isEqualTo("http");
    assertThat(environment.getProperty("propusk.notification.mail.transport")).isEqualTo("smtp");
    assertThat(environment.getProperty("propusk.notification.keep-bodies", Boolean.class)).isFalse();
  }

  @Test
  void namesTheSessionCookieWithTheHostPrefixAndMarksItSecure() {
    assertThat(environment.getProperty("server.servlet.session.cookie.name")).isEqualTo("__Host-PROPUSK_SESSION");
    assertThat(environment.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
    assertThat(environment.getProperty("server.servlet.session.cookie.http-only", Boolean.class)).isTrue();
    assertThat(environment.getProperty("server.servlet.session.cookie.same-site")).isEqualToIgnoringCase("lax");
    // the device cookie follows the session cookie: Secure from the same setting, SameSite=Lax, HttpOnly
    assertThat(environment.getProperty("propusk.session.device-cookie.name")).isEqualTo("__Host-PROPUSK_DEVICE");
  }

  @Test
  void refusesToStartWithoutTheKeyForHashingCodes() {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
    args.add("--propusk.security.data.keys.p1=cHJvZHVjdGlvbi10ZXN0LWRhdGEta2V5LTAxMjM0NTY=");
    args.add("--propusk.security.data.active-key=p1");
    args.add("--propusk.security.data.lookup-key=production-test-lookup-key-0123456789");
    args.add("--propusk.federation.client-secret-key=production-test-client-secret-key-0123456789");
    args.add("--spring.datasource.url=jdbc:h2:mem:no_key;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    assertThatThrownBy(() -> new SpringApplicationBuilder(PropuskApplication.class).run(args.toArray(String[]::new)).close())
        .hasStackTraceContaining("propusk.security.secret-hash-key");
  }

  @Test
  void refusesToStartWithoutTheKeyForClientSecrets() {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
    args.add("--propusk.security.secret-hash-key=production-test-key-0123456789abcdef");
    args.add("--propusk.security.data.keys.p1=cHJvZHVjdGlvbi10ZXN0LWRhdGEta2V5LTAxMjM0NTY=");
    args.add("--propusk.security.data.active-key=p1");
    args.add("--propusk.security.data.lookup-key=production-test-lookup-key-0123456789");
    args.add("--spring.datasource.url=jdbc:h2:mem:no_client_key;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    assertThatThrownBy(() -> new SpringApplicationBuilder(PropuskApplication.class).run(args.toArray(String[]::new)).close())
        .hasStackTraceContaining("propusk.federation.client-secret-key");
  }
}
