package org.propusk.federation.internal.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.propusk.federation.FederationFlows;
import org.propusk.federation.FederationFlows.Client;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Housekeeping removes authorizations past their latest expiry (with the citizen's sign-in and
 * tokens in them) and the spent refresh token hashes of families that can no longer live, and
 * keeps everything else.
 */
@PropuskIntegrationTest
class AuthorizationHousekeepingTests {

  static final String PASSWORD = "тихий-огонёк-над-рекой-7";

  @LocalServerPort int port;
  @Value("${propusk.public-url}") String issuer;
  @Autowired MutableClock clock;
  @Autowired AuthorizationStore store;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void letTimeTick() {
    clock.resume();
  }

  @Test
  void expiredAuthorizationsAndSpentRefreshTokensGoAndLiveOnesStay() throws Exception {
    FederationFlows flows = new FederationFlows(new RelyingParty(port, issuer, clock), clock);
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    ApiClient browser = new ApiClient(port);
    clock.freeze();
    OIDCTokens old = flows.tokens(Client.RP, flows.signIn(browser, Client.RP, phone, PASSWORD));
    old = FederationFlows.succeeded(flows.refresh(Client.RP, old.getRefreshToken()));
    String oldId = authorizationOf(old);
    assertThat(spentOf(oldId)).isEqualTo(1);

    // the refresh token of the first family dies after an hour unused, its spent hash with the family's end
    clock.advance(Duration.ofHours(12).plusMinutes(1));
    OIDCTokens fresh = flows.tokens(Client.RP, flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD));
    String freshId = authorizationOf(fresh);
    store.deleteExpired(clock.instant());

    assertThat(jdbc.sql("select count(*) from oauth2_authorization where id = :id").param("id", oldId).query(Long.class).single())
        .isZero();
    assertThat(spentOf(oldId)).isZero();
    assertThat(store.findById(freshId)).isNotNull();
    assertThat(flows.userInfoStatus(fresh.getAccessToken())).isEqualTo(200);
  }

  private String authorizationOf(OIDCTokens tokens) {
    return store.findByToken(tokens.getRefreshToken().getValue(), null).getId();
  }

  private long spentOf(String authorizationId) {
    return jdbc.sql("select count(*) from federation_refresh_spent where authorization_id = :id")
        .param("id", authorizationId)
        .query(Long.class)
        .single();
  }
}
