package org.propusk.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.propusk.PropuskApplication;
import org.propusk.test.ApiClient;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestDatabases;
import org.propusk.test.TestProfiles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes of the platform on one database serve one citizen without sticky sessions: signed in
 * on the first, the session works on the second, and signing out on the second ends it on both.
 */
class SharedSessionsTests {

  static final String DATABASE = "sessions_tests";
  static final String PASSWORD = "светлая-ночь-над-невой-5";

  @Test
  void aSessionStartedOnOneNodeWorksOnTheOtherAndEndsOnBoth() {
    try (ConfigurableApplicationContext first = start();
        ConfigurableApplicationContext second = start()) {
      String phone = TestAccounts.registerByPhone(port(first), PASSWORD);

      ApiClient onFirst = new ApiClient(port(first));
      assertThat(onFirst.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status())
          .isEqualTo(200);
      ApiClient onSecond = onFirst.onNode(port(second));
      assertThat(onSecond.get("/api/v1/me").status()).as("the first node's session on the second").isEqualTo(200);
      assertThat(onSecond.get("/api/v1/me").text("phone")).isEqualTo(phone);

      // Spring Session's cookie carries the id in base64
      String sessionId =
          new String(Base64.getDecoder().decode(onFirst.cookie("PROPUSK_SESSION").orElseThrow()), StandardCharsets.US_ASCII);
      assertThat(sessionId).as("a 256-bit id, not a UUID").hasSize(43);
      assertThat(storedSessions(first, sessionId)).isEqualTo(1);

      assertThat(onSecond.delete("/api/v1/session").status()).isEqualTo(204);
      assertThat(onFirst.get("/api/v1/me").status()).as("ended on the second, gone on the first").isEqualTo(401);
      assertThat(onSecond.get("/api/v1/me").status()).isEqualTo(401);
      assertThat(storedSessions(first, sessionId)).as("the session is gone from the store").isZero();
    }
  }

  private static int storedSessions(ConfigurableApplicationContext context, String sessionId) {
    return context.getBean(JdbcClient.class)
        .sql("select count(*) from spring_session where session_id = :id")
        .param("id", sessionId)
        .query(Integer.class)
        .single();
  }

  private static ConfigurableApplicationContext start() {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.profiles.active=" + String.join(",", new TestProfiles().resolve(SharedSessionsTests.class)));
    TestDatabases.properties(DATABASE).forEach((key, value) -> args.add("--" + key + "=" + value));
    return new SpringApplicationBuilder(PropuskApplication.class).run(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }
}
