package org.propusk.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every answer carries, and the CSRF token's tie to the session. */
@PropuskIntegrationTest
class WebSecurityIntegrationTests {

  static final String PASSWORD = "звонкий-ручей-в-лесу-4";

  @LocalServerPort int port;

  @Test
  void sendsNoReferrerAndNoPowerfulFeaturesWithAnyAnswer() {
    ApiClient client = new ApiClient(port);
    for (String path : List.of("/", "/register", "/api/v1/me", "/api/v1/csrf", "/no-such-page", "/api/v1/no-such-call", "/actuator/health")) {
      ApiClient.Response answer = client.get(path);
      assertThat(answer.header("Referrer-Policy")).as(path).contains("no-referrer");
      assertThat(answer.header("Permissions-Policy")).as(path).hasValueSatisfying(policy -> assertThat(policy).contains("camera=()", "geolocation=()"));
    }
  }

  @Test
  void givesApiClientsTheSessionsToken() {
    ApiClient client = new ApiClient(port);
    ApiClient.Response csrf = client.get("/api/v1/csrf");
    assertThat(csrf.status()).isEqualTo(200);
    assertThat(csrf.text("headerName")).isEqualTo("X-CSRF-TOKEN");
    assertThat(csrf.text("token")).isNotBlank();
    assertThat(client.cookie("XSRF-TOKEN")).isEmpty();
  }

  @Test
  void refusesATokenOfAnotherSession() {
    ApiClient.Csrf strangers = new ApiClient(port).csrf();
    ApiClient client = new ApiClient(port);
    client.csrf();
    assertThat(postWith(client, strangers, "/api/v1/recoveries", "{\"login\":\"" + TestContacts.phone() + "\"}").status())
        .isEqualTo(403);
  }

  @Test
  void refusesATokenFromBeforeSignInAfterIt() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    ApiClient citizen = new ApiClient(port);
    ApiClient.Csrf beforeSignIn = citizen.csrf();
    assertThat(postWith(citizen, beforeSignIn, "/api/v1/session", "{\"login\":\"" + phone + "\",\"password\":\"" + PASSWORD + "\"}").status())
        .isEqualTo(200);
    assertThat(sendWith(citizen, beforeSignIn, citizen.request("/api/v1/session").DELETE()).status()).isEqualTo(403);
    assertThat(citizen.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(citizen.delete("/api/v1/session").status()).isEqualTo(204);
    assertThat(citizen.get("/api/v1/me").status()).isEqualTo(401);
  }

  private static ApiClient.Response postWith(ApiClient client, ApiClient.Csrf csrf, String path, String json) {
    return sendWith(
        client, csrf, client.request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static ApiClient.Response sendWith(ApiClient client, ApiClient.Csrf csrf, HttpRequest.Builder request) {
    return client.send(request.header(csrf.headerName(), csrf.token()));
  }
}
