package org.propusk.federation.internal.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
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
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * A rotation saves the authorization its guard read for the presented refresh token: the stored
 * state is what was read (no second query), and an authorization removed in between (its consent
 * withdrawn, its family revoked by another request) is not written back with new tokens.
 */
@PropuskIntegrationTest
class AuthorizationStoreIntegrationTests {

  static final String PASSWORD = "тихий-огонёк-над-рекой-7";

  @LocalServerPort int port;
  @Value("${propusk.public-url}") String issuer;
  @Autowired MutableClock clock;
  @Autowired AuthorizationStore store;
  @Autowired JdbcClient jdbc;

  @Test
  void aRotationOfAnAuthorizationRemovedMeanwhileBringsNothingBack() throws Exception {
    String presented = signedInRefreshToken();
    OAuth2Authorization read = store.findByToken(presented, OAuth2TokenType.REFRESH_TOKEN);
    Instant now = clock.instant();
    OAuth2Authorization rotated =
        OAuth2Authorization.from(read)
            .refreshToken(new OAuth2RefreshToken(UUID.randomUUID().toString(), now, now.plus(Duration.ofHours(1))))
            .build();

    store.withFound(
        read,
        presented,
        OAuth2TokenType.REFRESH_TOKEN,
        () -> {
          jdbc.sql("delete from oauth2_authorization where id = :id").param("id", read.getId()).update();
          assertThatThrownBy(() -> store.save(rotated)).isInstanceOf(OAuth2AuthenticationException.class);
          return null;
        });

    assertThat(jdbc.sql("select count(*) from oauth2_authorization where id = :id").param("id", read.getId()).query(Long.class).single())
        .as("not written back")
        .isZero();
    assertThat(jdbc.sql("select count(*) from federation_refresh_spent where authorization_id = :id").param("id", read.getId()).query(Long.class).single())
        .as("nothing of the refused save stays")
        .isZero();
  }

  @Test
  void aSaveOfAStoredAuthorizationThatTheRequestDidNotReadReplacesIt() throws Exception {
    String presented = signedInRefreshToken();
    OAuth2Authorization read = store.findByToken(presented, OAuth2TokenType.REFRESH_TOKEN);
    Instant now = clock.instant();
    String renewed = UUID.randomUUID().toString();

    // no guard's read in scope: the store tries the insert, finds the row and replaces it
    store.save(
        OAuth2Authorization.from(read).refreshToken(new OAuth2RefreshToken(renewed, now, now.plus(Duration.ofHours(1)))).build());

    assertThat(store.findByToken(renewed, OAuth2TokenType.REFRESH_TOKEN)).extracting(OAuth2Authorization::getId).isEqualTo(read.getId());
    assertThat(store.findByToken(presented, OAuth2TokenType.REFRESH_TOKEN)).as("the replaced token is no key any more").isNull();
    assertThat(jdbc.sql("select count(*) from oauth2_authorization where id = :id").param("id", read.getId()).query(Long.class).single())
        .isOne();
    assertThat(jdbc.sql("select count(*) from federation_refresh_spent where authorization_id = :id").param("id", read.getId()).query(Long.class).single())
        .as("the replaced refresh token is recorded as spent, as at a rotation")
        .isOne();
  }

  /** A new citizen's refresh token at the test portal, from a sign-in and its code exchanged. */
  private String signedInRefreshToken() throws Exception {
    FederationFlows flows = new FederationFlows(new RelyingParty(port, issuer, clock), clock);
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    OIDCTokens tokens = flows.tokens(Client.RP, flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD));
    return tokens.getRefreshToken().getValue();
  }
}
