package org.propusk.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.propusk.PropuskApplication;
import org.propusk.test.ApiClient;
import org.propusk.test.Waits;
import org.propusk.test.DevOutbox;
import org.propusk.test.TestContacts;
import org.propusk.test.TestDatabases;
import org.propusk.test.TestProfiles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A check survives a restart: the platform stops while the registry is down and the check is
 * pending; started again (with the registry back), it finishes the check by itself.
 */
class DocumentCheckRestartTests {

  static final String DATABASE = "restart_tests";
  static final String PASSWORD = "осенний-лист-над-прудом-3";

  @Test
  void aPendingCheckCompletesAfterThePlatformIsRestarted() {
    String phone = TestContacts.phone();
    try (ConfigurableApplicationContext first = start("1.0")) {
      ApiClient citizen = register(first, phone);
      JdbcClient jdbc = first.getBean(JdbcClient.class);
      // the demo citizen's documents belong to this run's account alone (the database outlives runs)
      jdbc.sql("delete from identity_profile").update();
      jdbc.sql("delete from document_check").update();
      assertThat(citizen.put("/api/v1/profile", ProfileApiIntegrationTests.IVANOV).status()).isEqualTo(200);
      await()
          .atMost(Waits.BACKGROUND)
          .until(() -> attempts(jdbc) >= 1);
      assertThat(states(jdbc)).containsOnly("PENDING");
    }

    try (ConfigurableApplicationContext second = start("0.0")) {
      JdbcClient jdbc = second.getBean(JdbcClient.class);
      await().atMost(Waits.BACKGROUND).until(() -> states(jdbc).equals(List.of("VERIFIED", "VERIFIED")));
      ApiClient citizen = new ApiClient(port(second));
      citizen.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD));
      assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("standard");
    }
  }

  private static ConfigurableApplicationContext start(String outageRate) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.profiles.active=" + String.join(",", new TestProfiles().resolve(DocumentCheckRestartTests.class)));
    args.add("--propusk.verification.sandbox.outage-rate=" + outageRate);
    TestDatabases.properties(DATABASE).forEach((key, value) -> args.add("--" + key + "=" + value));
    return new SpringApplicationBuilder(PropuskApplication.class).run(args.toArray(String[]::new));
  }

  private static ApiClient register(ConfigurableApplicationContext context, String phone) {
    ApiClient citizen = new ApiClient(port(context));
    DevOutbox outbox = new DevOutbox(port(context));
    String id =
        citizen.post("/api/v1/registrations", Map.of("lastName", "Иванов", "firstName", "Иван", "phone", phone, "acceptTerms", true))
            .text("id");
    citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", outbox.awaitCode(phone, 1)));
    citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", PASSWORD, "passwordRepeat", PASSWORD));
    return citizen;
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  private static int attempts(JdbcClient jdbc) {
    return jdbc.sql("select coalesce(min(attempts), 0) from document_check").query(Integer.class).single();
  }

  private static List<String> states(JdbcClient jdbc) {
    return jdbc.sql("select state from document_check order by document").query(String.class).list();
  }
}
