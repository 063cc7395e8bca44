package org.propusk.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** Accounts opened the way a citizen opens one, over the API with the code from the outbox. */
public final class TestAccounts {

  private TestAccounts() {}

  /** A new account with a fresh phone and this password; returns the phone. */
  public static String registerByPhone(int port, String password) {
    String phone = TestContacts.phone();
    registerByPhone(port, phone, password);
    return phone;
  }

  /** Registers Козлова Ирина with this phone and password; returns the client, signed in. */
  public static ApiClient registerByPhone(int port, String phone, String password) {
    ApiClient citizen = new ApiClient(port);
    String id =
        citizen.post("/api/v1/registrations", Map.of("lastName", "Козлова", "firstName", "Ирина", "phone", phone, "acceptTerms", true))
            .text("id");
    citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", new DevOutbox(port).awaitCode(phone, 1)));
    ApiClient.Response opened =
        citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", password, "passwordRepeat", password));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    return citizen;
  }
}
