package org.propusk.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.VerifiedProfiles;
import org.propusk.test.Waits;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The addresses of "Мои данные" over the JSON API: formal rules next to each field, the
 * registration address checked in the sandbox ministry's registration records (verified, or failed
 * and cleared), the residence address only stored, and nothing of it in the log.
 */
@PropuskIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AddressApiIntegrationTests {

  static final String PASSWORD = "зелёный-чай-на-веранде-5";

  @LocalServerPort int port;

  @Test
  void theRegistrationAddressOnRecordIsVerifiedAndTheResidenceOnlyStored(CapturedOutput log) {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    Map<String, Object> address = VerifiedProfiles.registrationAddressOf(VerifiedProfiles.verify(citizen));
    Map<String, Object> residence =
        Map.of("postalIndex", "420111", "region", "16", "settlement", "г. Казань", "street", "ул. Баумана", "house", "5", "flat", "12");

    ApiClient.Response saved = citizen.put("/api/v1/profile/address", Map.of("registration", address, "residence", residence));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(saved.json().get("checks").get("registration").get("state").asString()).isEqualTo("pending");
    assertThat(saved.json().get("residence").get("regionName").asString()).isEqualTo("Республика Татарстан");

    JsonNode checked = awaitRegistration(citizen, "verified");
    assertThat(checked.get("registration").get("postalIndex").asString()).isEqualTo(address.get("postalIndex"));
    assertThat(checked.get("registration").get("house").asString()).isEqualTo(address.get("house"));
    assertThat(checked.get("residence").get("street").asString()).isEqualTo("ул. Баумана");
    // the level does not depend on addresses
    assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("standard");
    assertThat(log.getAll()).doesNotContain("ул. Баумана");
  }

  @Test
  void anAddressTheMinistryDoesNotHaveFailsAndIsCleared() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    Map<String, Object> address = new HashMap<>(VerifiedProfiles.registrationAddressOf(VerifiedProfiles.verify(citizen)));
    address.put("house", address.get("house") + "Б");

    assertThat(citizen.put("/api/v1/profile/address", Map.of("registration", address)).status()).isEqualTo(200);

    JsonNode failed = awaitRegistration(citizen, "failed");
    assertThat(failed.get("checks").get("registration").get("reason").asString()).isEqualTo("mismatch");
    assertThat(failed.get("registration").isNull()).isTrue();
  }

  @Test
  void withoutAPassportTheAddressCannotBeChecked() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    Map<String, Object> moscow =
        Map.of("postalIndex", "101000", "region", "77", "settlement", "г. Москва", "street", "ул. Тверская", "house", "1");

    assertThat(citizen.put("/api/v1/profile/address", Map.of("registration", moscow)).status()).isEqualTo(200);

    JsonNode failed = awaitRegistration(citizen, "failed");
    assertThat(failed.get("checks").get("registration").get("reason").asString()).isEqualTo("invalid");
  }

  @Test
  void everyBrokenRuleIsNamedNextToItsFieldAndNothingIsStored() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    Map<String, Object> broken = new HashMap<>();
    broken.put("postalIndex", "12345");
    broken.put("region", "99");
    broken.put("settlement", "<script>");
    broken.put("street", "x".repeat(101));
    broken.put("house", "");
    broken.put("flat", "12.5");
    Map<String, Object> residence = Map.of("postalIndex", "1010001", "house", "1");

    ApiClient.Response refused = citizen.put("/api/v1/profile/address", Map.of("registration", broken, "residence", residence));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    Map<String, String> errors = new HashMap<>();
    refused.json().get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("code").asString()));
    assertThat(errors)
        .containsEntry("registration.postalIndex", "invalid_postal_index")
        .containsEntry("registration.region", "unknown_region")
        .containsEntry("registration.settlement", "address_characters")
        .containsEntry("registration.street", "too_long")
        .containsEntry("registration.house", "required")
        .containsEntry("registration.flat", "address_characters")
        .containsEntry("residence.postalIndex", "invalid_postal_index")
        .containsEntry("residence.region", "required")
        .containsEntry("residence.settlement", "required");
    JsonNode stored = citizen.get("/api/v1/profile/address").json();
    assertThat(stored.get("registration").isNull()).isTrue();
    assertThat(stored.get("checks").get("registration").get("state").asString()).isEqualTo("not_entered");
  }

  @Test
  void hostileBodiesAreRefusedWithoutAServerError() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    for (Object body :
        new Object[] {
          Map.of(), Map.of("registration", "text"), Map.of("registration", Map.of("postalIndex", 101000)),
          Map.of("registration", Map.of("house", "\u202e1")), java.util.List.of(1, 2)
        }) {
      ApiClient.Response answer = citizen.put("/api/v1/profile/address", body);
      assertThat(answer.status()).as(body.toString()).isLessThan(500);
    }
  }

  @Test
  void anEmptyRegistrationRemovesTheAddressAndItsCheck() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    VerifiedProfiles.verifyWithAddress(citizen);

    assertThat(citizen.put("/api/v1/profile/address", Map.of()).status()).isEqualTo(200);

    JsonNode stored = citizen.get("/api/v1/profile/address").json();
    assertThat(stored.get("registration").isNull()).isTrue();
    assertThat(stored.get("checks").get("registration").get("state").asString()).isEqualTo("not_entered");
  }

  private static JsonNode awaitRegistration(ApiClient citizen, String state) {
    await()
        .atMost(Waits.BACKGROUND)
        .until(() -> citizen.get("/api/v1/profile/address").json().get("checks").get("registration").get("state").asString().equals(state));
    return citizen.get("/api/v1/profile/address").json();
  }
}
