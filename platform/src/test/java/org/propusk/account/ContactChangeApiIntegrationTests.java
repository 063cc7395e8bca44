package org.propusk.account;

import static org.propusk.test.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestContacts;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PropuskIntegrationTest
class ContactChangeApiIntegrationTests {

  static final String PASSWORD = "лёгкий-снег-над-полем-4";
  static final Pattern CANCEL_LINK = Pattern.compile("https?://\\S+(/contact-change/cancel/[A-Za-z0-9_-]+)");
  static final Duration COOLING_OFF = Duration.ofHours(24);

  @LocalServerPort int port;
  @Autowired MutableClock clock;

  @Test
  void startingAChangeLongAfterTheSignInAsksForThePasswordAgainFirst() {
    ApiClient citizen = register(TestContacts.phone());
    String newPhone = TestContacts.phone();
    clock.advance(Duration.ofMinutes(6));

    ApiClient.Response refused = citizen.post("/api/v1/me/contact-changes", Map.of("phone", newPhone));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.text("type")).endsWith("/reauthentication-required");
    assertThat(refused.text("reauthenticate")).isEqualTo("/api/v1/session/reauthentication");
    assertThat(outbox().messagesTo(newPhone)).as("no code before the password").isEmpty();

    assertThat(citizen.post("/api/v1/session/reauthentication", Map.of("password", "не-мой-пароль")).status()).isEqualTo(422);
    assertThat(citizen.post("/api/v1/me/contact-changes", Map.of("phone", newPhone)).status()).isEqualTo(403);
    assertThat(citizen.post("/api/v1/session/reauthentication", Map.of("password", PASSWORD)).status()).isEqualTo(204);
    ApiClient.Response started = citizen.post("/api/v1/me/contact-changes", Map.of("phone", newPhone));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    assertThat(outbox().awaitCode(newPhone, 1)).hasSize(6);
  }

  @Test
  void theOldPhoneIsToldAtOnceAndStaysTheLoginUntilTheCoolingOffIsOver() {
    String oldPhone = TestContacts.phone();
    ApiClient citizen = register(oldPhone);
    String newPhone = TestContacts.phone();

    ApiClient.Response started = citizen.post("/api/v1/me/contact-changes", Map.of("phone", "8" + newPhone.substring(2)));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String id = started.text("id");
    Instant before = clock.instant();
    ApiClient.Response accepted =
        citizen.post("/api/v1/me/contact-changes/" + id + "/confirmation", Map.of("code", outbox().awaitCode(newPhone, 1)));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    assertThat(accepted.text("channel")).isEqualTo("sms");
    assertThat(accepted.text("maskedContact")).endsWith(newPhone.substring(10, 12)).doesNotContain(newPhone.substring(5, 10));
    assertThat(Instant.parse(accepted.text("effectiveAt"))).isBetween(before.plus(COOLING_OFF), clock.instant().plus(COOLING_OFF));

    String notice = outbox().awaitMessageContaining(oldPhone, "/contact-change/cancel/");
    assertThat(notice).contains("смена телефона", "(мск)");
    assertThat(outbox().messagesTo(newPhone)).as("only the code went to the new phone").hasSize(1);

    JsonNode me = citizen.get("/api/v1/me").json();
    assertThat(me.get("phone").asString()).isEqualTo(oldPhone);
    assertThat(me.get("pendingContactChange").get("channel").asString()).isEqualTo("sms");
    assertThat(citizen.get("/api/v1/me/contact-changes/pending").text("effectiveAt")).isEqualTo(accepted.text("effectiveAt"));
    assertThat(signIn(oldPhone)).isEqualTo(200);
    assertThat(signIn(newPhone)).isEqualTo(401);
    assertThat(recoveryCodeGoesTo(oldPhone)).as("codes still go to the old phone").isTrue();

    // the new phone is reserved: nobody else registers it or claims it meanwhile
    ApiClient.Response registration =
        new ApiClient(port)
            .post("/api/v1/registrations", Map.of("lastName", "Орлов", "firstName", "Павел", "phone", newPhone, "acceptTerms", true));
    assertThat(registration.status()).as(registration.toString()).isEqualTo(409);
    assertThat(register(TestContacts.phone()).post("/api/v1/me/contact-changes", Map.of("phone", newPhone)).status())
        .isEqualTo(409);
    // and one change at a time
    ApiClient.Response second = citizen.post("/api/v1/me/contact-changes", Map.of("email", TestContacts.email()));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.text("type")).endsWith("/contact-change-pending");

    clock.advance(COOLING_OFF);
    // the job's notice to the old phone says it is done (polling sign-ins would hit their limits)
    assertThat(outbox().awaitMessageContaining(oldPhone, "изменён")).isNotEmpty();
    assertThat(signIn(newPhone)).isEqualTo(200);
    assertThat(signIn(oldPhone)).isEqualTo(401);
    ApiClient owner = signedIn(newPhone);
    assertThat(owner.get("/api/v1/me").json().get("pendingContactChange").isNull()).isTrue();
    await().atMost(Waits.BACKGROUND).until(() -> historyKinds(owner).contains("contact_changed"));
    assertThat(historyKinds(owner)).contains("contact_change_requested");

    String link = cancelPath(notice);
    assertThat(page(new ApiClient(port), link).status()).as("the link ends when the change takes effect").isEqualTo(404);
    assertThat(new ApiClient(port).post(link, Map.of()).status()).isEqualTo(404);
  }

  @Test
  void theCancelLinkShowsTheChangeOnGetAndCancelsItOnlyByPostOnceEndingEverySession() {
    String oldPhone = TestContacts.phone();
    ApiClient citizen = register(oldPhone);
    ApiClient otherSession = signedIn(oldPhone);
    String newPhone = TestContacts.phone();
    String id = citizen.post("/api/v1/me/contact-changes", Map.of("phone", newPhone)).text("id");
    citizen.post("/api/v1/me/contact-changes/" + id + "/confirmation", Map.of("code", outbox().awaitCode(newPhone, 1)));
    String link = cancelPath(outbox().awaitMessageContaining(oldPhone, "/contact-change/cancel/"));

    ApiClient owner = new ApiClient(port);
    for (int i = 0; i < 2; i++) {
      ApiClient.Response shown = page(owner, link);
      assertThat(shown.status()).isEqualTo(200);
      assertThat(shown.raw().body()).contains("***-**-" + newPhone.substring(10, 12), "method=\"post\"", "_csrf");
    }
    assertThat(citizen.get("/api/v1/me").json().get("pendingContactChange").isNull()).as("GET cancels nothing").isFalse();
    assertThat(page(owner, link.substring(0, link.length() - 2) + "xx").status()).isEqualTo(404);

    ApiClient.Response cancelled = owner.post(link, Map.of());
    assertThat(cancelled.status()).isEqualTo(302);
    assertThat(cancelled.header("Location").orElseThrow()).endsWith("/contact-change/cancelled");
    assertThat(owner.post(link, Map.of()).status()).as("single use").isEqualTo(404);
    assertThat(page(owner, link).status()).isEqualTo(404);

    assertThat(citizen.get("/api/v1/me").status()).as("the session that started it ended").isEqualTo(401);
    assertThat(otherSession.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(outbox().awaitMessageContaining(oldPhone, "отменена")).contains("сеансы");
    ApiClient again = signedIn(oldPhone);
    assertThat(again.get("/api/v1/me").json().get("pendingContactChange").isNull()).isTrue();
    await().atMost(Waits.BACKGROUND).until(() -> historyKinds(again).contains("contact_change_cancelled"));

    clock.advance(COOLING_OFF.plusMinutes(1));
    // the job runs every second in the tests: give it a few runs to do what it must not do
    await().pollDelay(Duration.ofSeconds(4)).atMost(Waits.BACKGROUND).until(() -> true);
    assertThat(signIn(newPhone)).isEqualTo(401);
    assertThat(signedIn(oldPhone).get("/api/v1/me").text("phone")).isEqualTo(oldPhone);
    assertThat(
            new ApiClient(port)
                .post("/api/v1/registrations", Map.of("lastName", "Орлов", "firstName", "Павел", "phone", newPhone, "acceptTerms", true))
                .status())
        .as("the reservation is gone")
        .isEqualTo(201);
  }

  @Test
  void theSignedInOwnerCancelsThePendingChangeAndStaysSignedIn() {
    ApiClient citizen = register(TestContacts.phone());
    String email = TestContacts.email();
    String id = citizen.post("/api/v1/me/contact-changes", Map.of("email", email)).text("id");
    assertThat(citizen.post("/api/v1/me/contact-changes/" + id + "/confirmation", Map.of("code", outbox().awaitCode(email, 1))).status())
        .isEqualTo(202);

    assertThat(citizen.delete("/api/v1/me/contact-changes/pending").status()).isEqualTo(204);
    assertThat(citizen.get("/api/v1/me").json().get("pendingContactChange").isNull()).isTrue();
    assertThat(citizen.get("/api/v1/me/contact-changes/pending").status()).isEqualTo(404);
    assertThat(citizen.delete("/api/v1/me/contact-changes/pending").status()).isEqualTo(404);
    assertThat(citizen.post("/api/v1/me/contact-changes", Map.of("email", email)).status()).as("free again").isEqualTo(201);
  }

  @Test
  void addsAnEmailToAnAccountRegisteredByPhoneAfterTellingThePhone() {
    String phone = TestContacts.phone();
    ApiClient citizen = register(phone);
    String email = TestContacts.email();
    String id = citizen.post("/api/v1/me/contact-changes", Map.of("email", email)).text("id");
    citizen.post("/api/v1/me/contact-changes/" + id + "/confirmation", Map.of("code", outbox().awaitCode(email, 1)));
    assertThat(outbox().awaitMessageContaining(phone, "/contact-change/cancel/")).contains("смена почты");
    assertThat(citizen.get("/api/v1/me").json().get("email").isNull()).isTrue();
    assertThat(signIn(email)).isEqualTo(401);

    clock.advance(COOLING_OFF);
    ApiClient later = signedIn(phone);
    await().atMost(Waits.BACKGROUND).until(() -> email.equals(later.get("/api/v1/me").text("email")));
    assertThat(signIn(email)).isEqualTo(200);
  }

  @Test
  void refusesAContactOfAnotherAccount() {
    String taken = TestContacts.phone();
    register(taken);
    ApiClient citizen = register(TestContacts.phone());
    assertThat(citizen.post("/api/v1/me/contact-changes", Map.of("phone", taken)).status()).isEqualTo(409);
  }

  @Test
  void limitsProbesForContactsOfOtherAccountsThoughEachIsAnswered409() {
    String taken = TestContacts.phone();
    register(taken);
    ApiClient prober = register(TestContacts.phone());
    for (int i = 0; i < 10; i++) {
      assertThat(prober.post("/api/v1/me/contact-changes", Map.of("phone", taken)).status()).isEqualTo(409);
    }
    ApiClient.Response limited = prober.post("/api/v1/me/contact-changes", Map.of("phone", taken));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isPresent();
  }

  @Test
  void countsWrongCodesAndHidesTheChangeFromOtherAccounts() {
    ApiClient citizen = register(TestContacts.phone());
    String newPhone = TestContacts.phone();
    String id = citizen.post("/api/v1/me/contact-changes", Map.of("phone", newPhone)).text("id");
    String code = outbox().awaitCode(newPhone, 1);
    ApiClient.Response wrong =
        citizen.post("/api/v1/me/contact-changes/" + id + "/confirmation", Map.of("code", "000000".equals(code) ? "111111" : "000000"));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.json().get("attemptsLeft").asInt()).isEqualTo(2);

    ApiClient stranger = register(TestContacts.phone());
    assertThat(stranger.post("/api/v1/me/contact-changes/" + id + "/confirmation", Map.of("code", code)).status()).isEqualTo(404);
    assertThat(new ApiClient(port).post("/api/v1/me/contact-changes/" + id + "/confirmation", Map.of("code", code)).status())
        .isEqualTo(401);
  }

  private int signIn(String login) {
    return new ApiClient(port).post("/api/v1/session", Map.of("login", login, "password", PASSWORD)).status();
  }

  private ApiClient signedIn(String login) {
    ApiClient client = new ApiClient(port);
    assertThat(client.post("/api/v1/session", Map.of("login", login, "password", PASSWORD)).status()).isEqualTo(200);
    return client;
  }

  /** Whether a recovery started with this phone sends its code there. */
  private boolean recoveryCodeGoesTo(String phone) {
    int before = outbox().messagesTo(phone).size();
    new ApiClient(port).post("/api/v1/recoveries", Map.of("login", phone));
    await().atMost(Waits.BACKGROUND).until(() -> outbox().messagesTo(phone).size() > before);
    return outbox().messagesTo(phone).getFirst().get("body").asString().matches("(?s).*\\b\\d{6}\\b.*");
  }

  private static List<String> historyKinds(ApiClient client) {
    List<String> kinds = new ArrayList<>();
    client.get("/api/v1/me/history").json().forEach(e -> kinds.add(e.get("kind").asString()));
    return kinds;
  }

  private static String cancelPath(String message) {
    Matcher link = CANCEL_LINK.matcher(message);
    assertThat(link.find()).as(message).isTrue();
    return link.group(1);
  }

  private DevOutbox outbox() {
    return new DevOutbox(port);
  }

  private ApiClient register(String phone) {
    ApiClient citizen = new ApiClient(port);
    String id =
        citizen.post("/api/v1/registrations", Map.of("lastName", "Козлова", "firstName", "Ирина", "phone", phone, "acceptTerms", true))
            .text("id");
    citizen.post("/api/v1/registrations/" + id + "/confirmation", Map.of("code", outbox().awaitCode(phone, 1)));
    assertThat(citizen.post("/api/v1/registrations/" + id + "/password", Map.of("password", PASSWORD, "passwordRepeat", PASSWORD)).status())
        .isEqualTo(201);
    return citizen;
  }
}
