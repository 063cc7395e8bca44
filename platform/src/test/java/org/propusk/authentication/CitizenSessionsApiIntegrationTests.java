package org.propusk.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The citizen's list of signed-in sessions ("Безопасность") and ending them, over the API. */
@PropuskIntegrationTest
class CitizenSessionsApiIntegrationTests {

  static final String PASSWORD = "длинная-дорога-через-лес-8";
  static final String WINDOWS_CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
  static final String IPHONE_SAFARI =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

  @LocalServerPort int port;

  @Test
  void listsEverySignedInDeviceInPlainWordsAndMarksThisOne() {
    String phone = register();
    ApiClient laptop = signIn(phone, WINDOWS_CHROME, "10.1.1.1");
    signIn(phone, IPHONE_SAFARI, "10.2.2.2");

    List<JsonNode> sessions = sessions(laptop);
    assertThat(sessions).hasSize(3); // the registration's own session, the laptop, the phone
    JsonNode current = sessions.stream().filter(s -> s.get("current").asBoolean()).findFirst().orElseThrow();
    assertThat(current.get("device").asString()).isEqualTo("Chrome 131, Windows");
    assertThat(current.get("clientAddress").asString()).isEqualTo("10.1.1.1");
    assertThat(current.get("startedAt").asString()).isNotEmpty();
    assertThat(current.get("lastActiveAt").asString()).isNotEmpty();
    assertThat(sessions).filteredOn(s -> !s.get("current").asBoolean()).hasSize(2)
        .anySatisfy(s -> assertThat(s.get("device").asString()).isEqualTo("Mobile Safari 17, iOS"));
    assertThat(sessions).allSatisfy(s -> assertThat(s.get("id").asString()).hasSize(32));
  }

  @Test
  void endsAnotherDevicesSessionWhichIsSignedOutAtOnce() {
    String phone = register();
    ApiClient laptop = signIn(phone, WINDOWS_CHROME, "10.1.1.1");
    ApiClient phoneBrowser = signIn(phone, IPHONE_SAFARI, "10.2.2.2");
    String other = idOf(laptop, "10.2.2.2");

    assertThat(laptop.delete("/api/v1/me/sessions/" + other).status()).isEqualTo(204);
    assertThat(phoneBrowser.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(laptop.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(sessions(laptop)).noneSatisfy(s -> assertThat(s.get("id").asString()).isEqualTo(other));
    assertThat(laptop.delete("/api/v1/me/sessions/" + other).status()).as("already ended").isEqualTo(404);
  }

  @Test
  void endsAllOtherSessionsAndKeepsThisOne() {
    String phone = register();
    ApiClient laptop = signIn(phone, WINDOWS_CHROME, "10.1.1.1");
    ApiClient phoneBrowser = signIn(phone, IPHONE_SAFARI, "10.2.2.2");

    assertThat(laptop.delete("/api/v1/me/sessions").status()).isEqualTo(204);
    assertThat(phoneBrowser.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(sessions(laptop)).singleElement().satisfies(s -> assertThat(s.get("current").asBoolean()).isTrue());
  }

  @Test
  void cannotEndOrSeeTheSessionsOfAnotherAccount() {
    ApiClient victim = signIn(register(), IPHONE_SAFARI, "10.2.2.2");
    ApiClient stranger = signIn(register(), WINDOWS_CHROME, "10.1.1.1");
    String victims = idOf(victim, "10.2.2.2");

    assertThat(sessions(stranger)).noneSatisfy(s -> assertThat(s.get("id").asString()).isEqualTo(victims));
    ApiClient.Response refused = stranger.delete("/api/v1/me/sessions/" + victims);
    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(victim.get("/api/v1/me").status()).isEqualTo(200);
  }

  @Test
  void refusesStrangers() {
    assertThat(new ApiClient(port).get("/api/v1/me/sessions").status()).isEqualTo(401);
  }

  private List<JsonNode> sessions(ApiClient citizen) {
    ApiClient.Response answer = citizen.get("/api/v1/me/sessions");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return StreamSupport.stream(answer.json().spliterator(), false).toList();
  }

  private String idOf(ApiClient citizen, String clientAddress) {
    return sessions(citizen).stream()
        .filter(s -> clientAddress.equals(s.get("clientAddress").asString()))
        .findFirst()
        .orElseThrow()
        .get("id")
        .asString();
  }

  private ApiClient signIn(String phone, String userAgent, String address) {
    ApiClient citizen = new ApiClient(port, address).as(userAgent);
    assertThat(citizen.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(200);
    return citizen;
  }

  private String register() {
    return TestAccounts.registerByPhone(port, PASSWORD);
  }
}
