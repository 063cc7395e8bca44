package org.propusk.federation.internal.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.shared.DbTime;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.shared.Retention;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OpenID Connect sessions older than the absolute session timeout are forgotten with their clients
 * and authorization links; younger ones, which a browser may still use, stay.
 */
@PropuskIntegrationTest
class SessionHousekeepingTests {

  @Autowired MutableClock clock;
  @Autowired Retention oidcSessionRetention;
  @Autowired JdbcClient jdbc;
  @Value("${propusk.session.absolute-timeout}") Duration absoluteTimeout;

  @Test
  void sessionsPastTheAbsoluteTimeoutGoWithTheirClientsAndAuthorizations() {
    Instant now = clock.instant();
    String timedOut = session(now.minus(absoluteTimeout).minusSeconds(60));
    String alive = session(now.minus(absoluteTimeout).plusSeconds(60));

    assertThat(oidcSessionRetention.deleteExpired()).isGreaterThanOrEqualTo(1);

    assertThat(count("federation_session", timedOut)).isZero();
    assertThat(count("federation_session_client", timedOut)).isZero();
    assertThat(count("federation_session_authorization", timedOut)).isZero();
    assertThat(count("federation_session", alive)).isEqualTo(1);
    assertThat(count("federation_session_client", alive)).isEqualTo(1);
    assertThat(count("federation_session_authorization", alive)).isEqualTo(1);
  }

  private String session(Instant createdAt) {
    String sid = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 43);
    jdbc.sql("insert into federation_session (sid, account_id, created_at) values (:sid, :account, :at)")
        .param("sid", sid)
        .param("account", UUID.randomUUID())
        .param("at", DbTime.of(createdAt))
        .update();
    jdbc.sql("insert into federation_session_client (sid, registered_client_id, first_at) values (:sid, 'test-rp', :at)")
        .param("sid", sid)
        .param("at", DbTime.of(createdAt))
        .update();
    jdbc.sql("insert into federation_session_authorization (sid, authorization_id) values (:sid, :id)")
        .param("sid", sid)
        .param("id", UUID.randomUUID().toString())
        .update();
    return sid;
  }

  private long count(String table, String sid) {
    return jdbc.sql("select count(*) from " + table + " where sid = :sid").param("sid", sid).query(Long.class).single();
  }
}
