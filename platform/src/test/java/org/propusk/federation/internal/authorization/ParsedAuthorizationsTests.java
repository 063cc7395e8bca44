package org.propusk.federation.internal.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationRowMapper;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * A stored authorization is parsed once while its row stays as it is, and afresh as soon as the
 * row changes: a revoked token is never answered from the cache.
 */
@PropuskIntegrationTest
class ParsedAuthorizationsTests {

  static final String PASSWORD = "тихий-огонёк-над-рекой-7";

  @LocalServerPort int port;
  @Value("${propusk.public-url}") String issuer;
  @Autowired MutableClock clock;
  @Autowired AuthorizationStore store;
  @Autowired RegisteredClientRepository clients;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anUnchangedRowIsParsedOnceAndAChangedOneAgain() throws Exception {
    OIDCTokens tokens = signedIn();
    AtomicInteger parses = new AtomicInteger();
    RowMapper<OAuth2Authorization> spring = new JsonMapperOAuth2AuthorizationRowMapper(clients, AuthorizationJson.mapper());
    ParsedAuthorizations cached =
        new ParsedAuthorizations((row, n) -> { parses.incrementAndGet(); return spring.mapRow(row, n); }, clients, Duration.ofMinutes(5));
    String accessHash = AuthorizationStore.hash(tokens.getAccessToken().getValue());

    OAuth2Authorization first = byAccessHash(cached, accessHash);
    OAuth2Authorization second = byAccessHash(cached, accessHash);
    assertThat(second).isSameAs(first);
    assertThat(parses).hasValue(1);
    assertThat(first.getAccessToken().isInvalidated()).isFalse();

    store.save(OAuth2Authorization.from(first).invalidate(first.getAccessToken().getToken()).build());
    OAuth2Authorization revoked = byAccessHash(cached, accessHash);
    assertThat(parses).hasValue(2);
    assertThat(revoked.getToken(OAuth2AccessToken.class).isInvalidated()).isTrue();
  }

  @Test
  void userInfoAnswersFromTheCacheUntilTheTokenIsRevoked() throws Exception {
    OIDCTokens tokens = signedIn();
    FederationFlows flows = flows();
    assertThat(flows.userInfoStatus(tokens.getAccessToken())).isEqualTo(200);
    assertThat(flows.userInfoStatus(tokens.getAccessToken())).isEqualTo(200);

    assertThat(flows.revoke(Client.RP, tokens.getAccessToken())).isEqualTo(200);
    assertThat(flows.userInfoStatus(tokens.getAccessToken())).isEqualTo(401);
  }

  private OAuth2Authorization byAccessHash(ParsedAuthorizations mapper, String accessHash) {
    return jdbc.queryForObject("select * from oauth2_authorization where access_hash = ?", mapper, accessHash);
  }

  private OIDCTokens signedIn() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    FederationFlows flows = flows();
    return flows.tokens(Client.RP, flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD));
  }

  private FederationFlows flows() {
    return new FederationFlows(new RelyingParty(port, issuer, clock), clock);
  }
}
