package org.propusk.test;

import java.util.Map;

/** Accounts opened through the API the way a citizen registers, for tests about what comes after. */
public final class TestAccounts {

  private TestAccounts() {}

  /**
   * Registers Козлова Ирина with this phone and password, and returns the client, signed in.
   *
   * @throws IllegalStateException when the registration does not end with an account
   */
  public static ApiClient registerByPhone(int port, String phone, String password) {
    ApiClient citizen = new ApiClient(port);
    String id =
        citizen.post("/api/v1/registrations", Map.of("lastName", "Козлова", "firstName", "Ирина", "phone", phone, "acceptTerms", true))
            .text("id");
    citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", new DevOutbox(port).awaitCode(phone, 1)));
    ApiClient.Response opened =
        citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", password, "passwordRepeat", password));
    if (opened.status() != 201) {
      throw new IllegalStateException("registration failed: " + opened);
    }
    return citizen;
  }
}
