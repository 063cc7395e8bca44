package org.propusk.federation.internal.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.shared.DbTime;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.shared.Retention;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sharing log keeps three calendar years of releases (the default) and deletes what is older. */
@PropuskIntegrationTest
class SharingLogRetentionTests {

  @Autowired MutableClock clock;
  @Autowired Retention sharingLogRetention;
  @Autowired JdbcClient jdbc;

  @Test
  void entriesOlderThanThreeYearsAreDeletedAndYoungerOnesKept() {
    UUID account = UUID.randomUUID();
    Instant threeYearsAgo = clock.instant().atOffset(ZoneOffset.UTC).minusYears(3).toInstant();
    UUID tooOld = entry(account, threeYearsAgo.minusSeconds(60));
    UUID justKept = entry(account, threeYearsAgo.plusSeconds(60));
    UUID recent = entry(account, clock.instant().minusSeconds(60));

    assertThat(sharingLogRetention.deleteExpired()).isGreaterThanOrEqualTo(1);

    assertThat(jdbc.sql("select id from federation_sharing_log where account_id = :account").param("account", account).query(UUID.class).list())
        .containsExactlyInAnyOrder(justKept, recent)
        .doesNotContain(tooOld);
  }

  private UUID entry(UUID account, Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into federation_sharing_log (id, account_id, client_id, claims, channel, released_at)"
                + " values (:id, :account, 'test-rp', 'sub email', 'userinfo', :at)")
        .param("id", id)
        .param("account", account)
        .param("at", DbTime.of(at))
        .update();
    return id;
  }
}
