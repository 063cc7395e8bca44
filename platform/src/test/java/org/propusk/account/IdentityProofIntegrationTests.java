package org.propusk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.VerifiedProfiles;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A proof of identity is evidence like the verified documents: with both of them the account is
 * Confirmed, without them it waits; the citizen's history says how and from where.
 */
@PropuskIntegrationTest
class IdentityProofIntegrationTests {

  static final String PASSWORD = "тёплый-ветер-над-рекой-31";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void makesAStandardAccountConfirmedAndTellsTheHistoryWhereFrom() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    VerifiedProfiles.verify(citizen);
    UUID accountId = UUID.fromString(citizen.get("/api/v1/me").text("id"));
    assertThat(accounts.find(accountId).orElseThrow().level().level()).isEqualTo(AccountLevel.STANDARD);

    Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    accounts.recordIdentityProof(accountId, IdentityProofMethod.SERVICE_CENTRE, "МФЦ района Хамовники");

    AccountSummary confirmed = accounts.find(accountId).orElseThrow();
    assertThat(confirmed.level().level()).isEqualTo(AccountLevel.CONFIRMED);
    assertThat(confirmed.level().next()).isNull();
    assertThat(confirmed.identityProof().method()).isEqualTo(IdentityProofMethod.SERVICE_CENTRE);
    assertThat(confirmed.identityProof().provenAt()).isBetween(before, clock.instant());
    assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("confirmed");
    await()
        .atMost(Waits.BACKGROUND)
        .untilAsserted(
            () -> assertThat(details(accountId))
                .contains(
                    "IDENTITY_CONFIRMED method=service_centre source=МФЦ района Хамовники",
                    "LEVEL_CHANGED from=standard to=confirmed"));
  }

  @Test
  void waitsForTheVerifiedDocumentsBeforeTheLevelRises() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    UUID accountId = UUID.fromString(citizen.get("/api/v1/me").text("id"));

    accounts.recordIdentityProof(accountId, IdentityProofMethod.QUALIFIED_SIGNATURE, "test CA, serial 01");

    assertThat(accounts.find(accountId).orElseThrow().level().level()).isEqualTo(AccountLevel.SIMPLIFIED);
    VerifiedProfiles.verify(citizen);
    assertThat(accounts.find(accountId).orElseThrow().level().level())
        .as("the proof counts once the documents are verified")
        .isEqualTo(AccountLevel.CONFIRMED);
  }

  private List<String> details(UUID accountId) {
    return jdbc.sql("select kind || ' ' || details from audit_event where account_id = :id and details is not null")
        .param("id", accountId)
        .query(String.class)
        .list();
  }
}
