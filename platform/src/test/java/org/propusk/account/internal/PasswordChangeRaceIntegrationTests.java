package org.propusk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A password change checks the current password and hashes the new one outside any transaction;
 * its write then goes through only while the checked password is still the account's, so that a
 * recovery finishing in between is not overwritten by whoever knew the old one.
 */
@PropuskIntegrationTest
class PasswordChangeRaceIntegrationTests {

  static final String PASSWORD = "серебряный-ручей-в-овраге-9";

  @LocalServerPort int port;
  @Autowired AccountRepository accounts;
  @Autowired MutableClock clock;

  @Test
  void writesTheNewHashOnlyOverTheOneThatWasChecked() {
    String phone = TestContacts.phone();
    ApiClient citizen = TestAccounts.registerByPhone(port, phone, PASSWORD);
    UUID id = UUID.fromString(citizen.get("/api/v1/me").text("id"));
    String checked = accounts.findById(id).orElseThrow().passwordHash();
    String recovered = "$argon2id$v=19$m=19456,t=2,p=1$c2V0LWJ5LXJlY292ZXJ5$c2V0LWJ5LXJlY292ZXJ5LWhhc2g";
    accounts.changePassword(id, checked, recovered, clock.instant());

    assertThat(accounts.changePassword(id, checked, "$argon2id$stale-write", clock.instant()))
        .as("the checked hash is no longer the account's")
        .isFalse();
    assertThat(accounts.findById(id).orElseThrow().passwordHash()).isEqualTo(recovered);
    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status())
        .as("the old password no longer signs in")
        .isEqualTo(401);
  }
}
