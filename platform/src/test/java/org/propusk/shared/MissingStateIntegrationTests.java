package org.propusk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.ListenersOnHold;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Requests whose state vanished between steps (issue 15): a session of an account deleted from
 * another one, and the steps of flows that are unknown or already finished. Each answers a 4xx
 * problem (pages: the sign-in page), never a 500.
 */
@PropuskIntegrationTest
class MissingStateIntegrationTests {

  static final String PASSWORD = "зелёный-чай-на-веранде-5";

  /** Every call of a signed-in citizen, with a body where it takes one. */
  static final List<String[]> SIGNED_IN_CALLS =
      List.of(
          new String[] {"GET", "/api/v1/me"},
          new String[] {"GET", "/api/v1/session"},
          new String[] {"GET", "/api/v1/profile"},
          new String[] {"PUT", "/api/v1/profile"},
          new String[] {"GET", "/api/v1/me/history"},
          new String[] {"GET", "/api/v1/me/sessions"},
          new String[] {"DELETE", "/api/v1/me/sessions"},
          new String[] {"GET", "/api/v1/me/second-factor"},
          new String[] {"POST", "/api/v1/me/second-factor/totp"},
          new String[] {"POST", "/api/v1/me/contact-changes"},
          new String[] {"GET", "/api/v1/me/contact-changes/pending"},
          new String[] {"PUT", "/api/v1/me/password"},
          new String[] {"POST", "/api/v1/me/password-strength"},
          new String[] {"POST", "/api/v1/session/reauthentication"},
          new String[] {"DELETE", "/api/v1/me"});

  static final Map<String, Object> BODY =
      Map.of("password", PASSWORD, "currentPassword", PASSWORD, "passwordRepeat", PASSWORD, "email", "x@example.org",
          "lastName", "Козлова", "firstName", "Ирина", "gender", "female", "birthDate", "1990-03-15", "citizenship", "RU");

  @LocalServerPort int port;
  @Autowired @Qualifier("applicationTaskExecutor") ThreadPoolTaskExecutor listeners;

  @Test
  void aSessionOfADeletedAccountIsSignedOutOnEveryCallAndPage() {
    String phone = TestContacts.phone();
    ApiClient deleting = TestAccounts.registerByPhone(port, phone, PASSWORD);
    ApiClient other = new ApiClient(port);
    assertThat(other.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(200);
    // the listeners that end the account's sessions wait: the other session is still alive
    try (ListenersOnHold held = ListenersOnHold.hold(listeners)) {
      assertThat(deleting.delete("/api/v1/me").status()).isEqualTo(204);
      for (String[] call : SIGNED_IN_CALLS) {
        ApiClient.Response answer =
            switch (call[0]) {
              case "GET" -> other.get(call[1]);
              case "PUT" -> other.put(call[1], BODY);
              case "POST" -> other.post(call[1], BODY);
              default -> other.delete(call[1]);
            };
        assertThat(answer.status()).as(String.join(" ", call) + " " + answer).isIn(401, 403);
        assertThat(answer.contentType()).as(String.join(" ", call)).startsWith("application/problem+json");
      }
      // the home page is public: it shows no account any more
      assertThat(Pages.page(other, "/").raw().body()).doesNotContain("data-testid=\"level\"");
      for (String page : List.of("/profile", "/account/history", "/account/contacts", "/account/delete", "/account/password", "/account/security/app")) {
        ApiClient.Response answer = Pages.page(other, page);
        assertThat(answer.status()).as(page + " " + answer).isIn(302, 401, 403, 404);
        if (answer.status() == 302) {
          assertThat(answer.header("Location").orElseThrow()).as(page).contains("/login");
        }
      }
    }
  }

  @Test
  void theStepsOfAnUnknownOrFinishedFlowAreProblemsNotFailures() {
    ApiClient client = new ApiClient(port);
    String phone = TestContacts.phone();
    String finished =
        client.post("/api/v1/registrations", Map.of("lastName", "Козлова", "firstName", "Ирина", "phone", phone, "acceptTerms", true))
            .text("id");
    client.post("/api/v1/registrations/" + finished + "/confirmation", Map.of("code", new DevOutbox(port).awaitCode(phone, 1)));
    assertThat(client.post("/api/v1/registrations/" + finished + "/password", Map.of("password", PASSWORD, "passwordRepeat", PASSWORD)).status())
        .isEqualTo(201);
    Map<String, Object> body = Map.of("code", "123456", "password", PASSWORD, "passwordRepeat", PASSWORD, "method", "totp");
    for (String flow : List.of(finished, UUID.randomUUID().toString(), "not-a-flow-id", "%20", "0".repeat(300))) {
      ApiClient stranger = new ApiClient(port);
      for (String step :
          List.of(
              "/api/v1/registrations/%s/resend", "/api/v1/registrations/%s/confirmation",
              "/api/v1/registrations/%s/password-strength", "/api/v1/registrations/%s/password",
              "/api/v1/recoveries/%s/resend", "/api/v1/recoveries/%s/confirmation",
              "/api/v1/recoveries/%s/second-factor", "/api/v1/recoveries/%s/other-contact",
              "/api/v1/recoveries/%s/other-contact/confirmation", "/api/v1/recoveries/%s/password-strength",
              "/api/v1/recoveries/%s/password")) {
        if (flow.equals(finished) && step.endsWith("/password-strength")) {
          continue; // only rates a password, as on the last step of the flow
        }
        String path = step.formatted(flow);
        ApiClient.Response answer = (flow.equals(finished) ? client : stranger).post(path, body);
        assertThat(answer.status()).as(path + " " + answer).isBetween(400, 499);
        assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
      }
      if (!flow.equals(finished)) {
        ApiClient.Response state = stranger.get("/api/v1/registrations/" + flow);
        assertThat(state.status()).as(flow + " " + state).isBetween(400, 499);
      }
      ApiClient.Response secondFactor = stranger.post("/api/v1/session/second-factor", Map.of("method", "totp", "code", "123456", "flowId", flow));
      assertThat(secondFactor.status()).as(flow + " " + secondFactor).isBetween(400, 499);
    }
    for (String page : List.of("/register/" + UUID.randomUUID() + "/confirm", "/recovery/" + UUID.randomUUID() + "/confirm", "/register/" + finished + "/password", "/recovery/x/password")) {
      assertThat(Pages.page(new ApiClient(port), page).status()).as(page).isLessThan(500);
    }
  }
}
