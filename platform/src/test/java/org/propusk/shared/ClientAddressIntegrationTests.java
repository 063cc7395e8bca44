package org.propusk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code dev} profile trusts loopback proxies, which is how the tests come in. */
@PropuskIntegrationTest
class ClientAddressIntegrationTests {

  static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void usesTheForwardedAddressFromATrustedProxy() {
    assertThat(recordedAddressOfARegistrationFrom("198.51.100.7")).isEqualTo("198.51.100.7");
    // the nearest hop that is no proxy of ours; what the client wrote before it does not count
    assertThat(recordedAddressOfARegistrationFrom("1.1.1.1, 198.51.100.8")).isEqualTo("198.51.100.8");
  }

  @Test
  void answersNormallyAndRecordsThePeerWhenTheForwardedAddressIsUnreadable() {
    assertThat(recordedAddressOfARegistrationFrom("9".repeat(300))).isIn(LOOPBACK);
    assertThat(recordedAddressOfARegistrationFrom("198.51.100.7, <script>")).isIn(LOOPBACK);
    assertThat(recordedAddressOfARegistrationFrom("localhost")).isIn(LOOPBACK);
  }

  private String recordedAddressOfARegistrationFrom(String forwardedFor) {
    ApiClient.Response started =
        new ApiClient(port, forwardedFor)
            .post("/api/v1/registrations", Map.of("lastName", "Белов", "firstName", "Илья", "phone", TestContacts.phone(), "acceptTerms", true));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    return jdbc.sql("select client_address from registration_flow where id = :id")
        .param("id", java.util.UUID.fromString(started.text("id")))
        .query(String.class)
        .single();
  }
}
