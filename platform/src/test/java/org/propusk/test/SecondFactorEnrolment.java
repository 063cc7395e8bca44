package org.propusk.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * The second factor turned on the way a citizen turns it on, over the API
 * ({@code /api/v1/me/second-factor/...}), for a signed-in client whose password is recent (as right
 * after a registration or a sign-in; otherwise the API answers 403 and the helpers fail).
 */
public final class SecondFactorEnrolment {

  /** The app's time step (RFC 6238): a code of a step already used is refused. */
  public static final Duration TIME_STEP = Duration.ofSeconds(30);

  private static final String BASE = "/api/v1/me/second-factor";

  private SecondFactorEnrolment() {}

  /** An authenticator app that is on: its key, and the recovery codes shown when it was turned on. */
  public record App(String secret, List<String> recoveryCodes) {

    /** The code the app shows at this instant. */
    public String code(Instant at) {
      return Totp.code(secret, at);
    }

    /**
     * Moves the clock on by one time step and returns the app's code then: a code of a step that
     * no earlier use (the setup's first code included) can have spent.
     */
    public String nextCode(MutableClock clock) {
      clock.advance(TIME_STEP);
      return code(clock.instant());
    }

    /** A code the app does not show around this instant. */
    public String wrongCode(Instant at) {
      return Totp.wrongCode(secret, at);
    }
  }

  /**
   * Turns an authenticator app on: the setup's key, confirmed with the app's code of the clock's
   * present time step (spent by that: take the next code with {@link App#nextCode}).
   */
  public static App turnAppOn(ApiClient citizen, Clock clock) {
    ApiClient.Response started = citizen.post(BASE + "/totp", Map.of());
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String secret = started.text("secret");
    ApiClient.Response confirmed = citizen.post(BASE + "/totp/confirmation", Map.of("code", Totp.code(secret, clock.instant())));
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    return new App(secret, texts(confirmed.json().get("recoveryCodes")));
  }

  /** Turns the SMS code to the account's confirmed phone on. */
  public static void turnSmsOn(ApiClient citizen) {
    ApiClient.Response on = citizen.post(BASE + "/sms", Map.of());
    assertThat(on.status()).as(on.toString()).isEqualTo(204);
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
  }
}
