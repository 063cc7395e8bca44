package org.propusk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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

  /**
   * Adds this (fresh) e-mail to the account of the signed-in client, whose password must be recent
   * (as right after registration): the code from the letter makes the change pending (202) for
   * the cooling-off period ({@code propusk.contact-change.cooling-off}); the clock is moved past its
   * end, which also ends the client's session (absolute timeout), so the citizen signs in again
   * with the login and password; once the job has put the e-mail in place ({@code GET
   * /api/v1/me} shows it), the new session is returned. For an account without a second factor.
   */
  public static ApiClient addEmail(
      int port, MutableClock clock, ApiClient citizen, String login, String password, String email) {
    ApiClient.Response started = citizen.post("/api/v1/me/contact-changes", Map.of("email", email));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String code = new DevOutbox(port).awaitCode(email, 1);
    ApiClient.Response pending =
        citizen.post("/api/v1/me/contact-changes/" + started.text("id") + "/confirmation", Map.of("code", code));
    assertThat(pending.status()).as(pending.toString()).isEqualTo(202);
    Instant effectiveAt = Instant.parse(pending.text("effectiveAt"));
    clock.advance(Duration.between(clock.instant(), effectiveAt).plusMinutes(1));
    ApiClient again = new ApiClient(port);
    ApiClient.Response signedIn = again.post("/api/v1/session", Map.of("login", login, "password", password));
    assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    await().atMost(Waits.BACKGROUND).until(() -> email.equals(again.get("/api/v1/me").text("email")));
    return again;
  }
}
