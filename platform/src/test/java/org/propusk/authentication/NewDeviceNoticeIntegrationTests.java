package org.propusk.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The owner hears of a sign-in from a browser that never signed in with the login before. */
@PropuskIntegrationTest
class NewDeviceNoticeIntegrationTests {

  static final String PASSWORD = "морской-ветер-в-парусах-6";
  static final String WINDOWS_CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void tellsTheOwnerOnceOfEachNewBrowserButNotOfTheOnesThatSignedInBefore() {
    String phone = TestContacts.phone();
    ApiClient registered = TestAccounts.registerByPhone(port, phone, PASSWORD);
    // the browser that proved the phone at registration is known
    assertThat(registered.post("/api/v1/session", credentials(phone)).status()).isEqualTo(200);
    awaitNoticesHandled();
    assertThat(notices(phone)).isEmpty();

    ApiClient stranger = new ApiClient(port, "10.7.7.7").as(WINDOWS_CHROME);
    assertThat(stranger.post("/api/v1/session", credentials(phone)).status()).isEqualTo(200);
    await().atMost(Waits.BACKGROUND).until(() -> notices(phone).size() == 1);
    assertThat(notices(phone).getFirst())
        .contains("вход с нового устройства (Chrome 131, Windows)")
        .contains("/account/security");

    // known from now on
    assertThat(stranger.post("/api/v1/session", credentials(phone)).status()).isEqualTo(200);
    awaitNoticesHandled();
    assertThat(notices(phone)).hasSize(1);
  }

  private static Map<String, String> credentials(String phone) {
    return Map.of("login", phone, "password", PASSWORD);
  }

  private List<String> notices(String phone) {
    return new DevOutbox(port).messagesTo(phone).stream()
        .map(m -> m.get("body").asString())
        .filter(body -> body.contains("нового устройства"))
        .toList();
  }

  /** Every new-device event published so far has reached its listener (the outbox deletes them). */
  private void awaitNoticesHandled() {
    await()
        .atMost(Waits.BACKGROUND)
        .until(
            () ->
                jdbc.sql("select count(*) from event_publication where event_type like '%SignedInFromNewDevice%'")
                        .query(Integer.class)
                        .single()
                    == 0);
  }
}
