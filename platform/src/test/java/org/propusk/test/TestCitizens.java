package org.propusk.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** Citizens for tests that need an account but are not about registering one. */
public final class TestCitizens {

  private TestCitizens() {}

  /** Registers a new account on a fresh phone through the API and returns the phone. */
  public static String registered(int port, String lastName, String firstName, String password) {
    String phone = TestContacts.phone();
    ApiClient citizen = new ApiClient(port);
    DevOutbox outbox = new DevOutbox(port);
    String id =
        citizen.post("/api/v1/registrations", Map.of("lastName", lastName, "firstName", firstName, "phone", phone, "acceptTerms", true))
            .text("id");
    citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", outbox.awaitCode(phone, 1)));
    ApiClient.Response opened =
        citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", password, "passwordRepeat", password));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    return phone;
  }
}
