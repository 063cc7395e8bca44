package org.propusk.federation.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.propusk.PropuskApplication;
import org.propusk.federation.FederationFlows;
import org.propusk.federation.internal.clients.FederationSettings;
import org.propusk.shared.DbTime;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestDatabases;
import org.propusk.test.TestProfiles;
import org.propusk.test.Waits;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Key rotation on two nodes of one database (ADR 6, section 5): one node rotates; the other, which
 * read the keys before, publishes the next key and signs with it within the keys' cache time, so
 * that a relying party verifies every token of either node with the JWKS of either node, across
 * the rotation. Both nodes' clocks are moved together, as one cluster's time.
 */
class KeyRotationAcrossNodesTests {

  static final String DATABASE = "key_rotation_tests";
  static final String PASSWORD = "тихий-огонёк-над-рекой-7";

  @Test
  void theOtherNodePublishesAndSignsWithTheRotatedKeyWithinTheCacheTime() throws Exception {
    try (ConfigurableApplicationContext first = start();
        ConfigurableApplicationContext second = start()) {
      Node a = new Node(first);
      Node b = new Node(second);
      String phone = TestAccounts.registerByPhone(a.port, PASSWORD);
      String retired = a.activeKid();
      assertThat(a.published()).containsExactly(retired);
      assertThat(b.published()).as("both nodes read the same first key").containsExactly(retired);
      Instant due =
          a.jdbc.sql("select signs_from from federation_signing_key where kid = :kid")
              .param("kid", retired)
              .query((rs, n) -> DbTime.read(rs, "signs_from"))
              .single()
              .plus(first.getBean(FederationSettings.class).keyRotation());

      // a day ahead the first node publishes the next key; the second one within its cache time
      moveBoth(a, b, due.minus(KeyRotation.NOTICE));
      first.getBean(KeyRotation.class).rotateDue();
      List<String> published = a.published();
      assertThat(published).hasSize(2).contains(retired);
      String next = published.stream().filter(kid -> !kid.equals(retired)).findFirst().orElseThrow();
      advanceBoth(a, b, SigningKeys.CACHE.plusSeconds(1));
      await().atMost(Waits.BACKGROUND).until(() -> b.published().containsAll(published));

      // a token of the second node, signed just before the rotation with the old key ...
      moveBoth(a, b, due.minus(Duration.ofMinutes(1)));
      ApiClient onB = new ApiClient(b.port);
      FederationFlows.Code code = b.flows.signIn(onB, FederationFlows.Client.RP, phone, PASSWORD);
      OIDCTokens before = b.flows.tokens(FederationFlows.Client.RP, code);
      assertThat(kidOf(before)).isEqualTo(retired);

      // ... the rotation on the first node: it signs with the next key at once, the second node within the cache time
      advanceBoth(a, b, Duration.ofMinutes(2));
      first.getBean(KeyRotation.class).rotateDue();
      ApiClient onA = new ApiClient(a.port);
      FederationFlows.Code codeOnA = a.flows.signIn(onA, FederationFlows.Client.RP, phone, PASSWORD);
      OIDCTokens fromA = a.flows.tokens(FederationFlows.Client.RP, codeOnA);
      assertThat(kidOf(fromA)).isEqualTo(next);
      advanceBoth(a, b, SigningKeys.CACHE.plusSeconds(1));
      FederationFlows.Code again = b.flows.again(onB, FederationFlows.Client.RP);
      OIDCTokens fromB = b.flows.tokens(FederationFlows.Client.RP, again);
      assertThat(kidOf(fromB)).isEqualTo(next);
      assertThat(SignedJWT.parse(fromB.getAccessToken().getValue()).getHeader().getKeyID()).isEqualTo(next);

      // every token verifies with either node's JWKS, and each node's userinfo takes the other's access tokens
      for (Node node : List.of(a, b)) {
        node.rp.validate(before.getIDToken(), FederationFlows.Client.RP.id(), JWSAlgorithm.ES256, code.nonce());
        node.rp.validate(fromA.getIDToken(), FederationFlows.Client.RP.id(), JWSAlgorithm.ES256, codeOnA.nonce());
        node.rp.validate(fromB.getIDToken(), FederationFlows.Client.RP.id(), JWSAlgorithm.ES256, again.nonce());
        assertThat(node.flows.userInfoStatus(before.getAccessToken())).isEqualTo(200);
        assertThat(node.flows.userInfoStatus(fromA.getAccessToken())).isEqualTo(200);
        assertThat(node.flows.userInfoStatus(fromB.getAccessToken())).isEqualTo(200);
      }
      assertThat(b.published()).containsExactlyInAnyOrderElementsOf(a.published());

      // once the retired key's tokens have expired it leaves the JWKS of both nodes
      advanceBoth(a, b, Duration.ofDays(1).plusMinutes(10));
      assertThat(a.published()).containsExactly(next);
      assertThat(b.published()).containsExactly(next);
    }
  }

  /** One node: its port, clock, database access and a relying party that talks to it. */
  private static final class Node {
    final int port;
    final MutableClock clock;
    final JdbcClient jdbc;
    final RelyingParty rp;
    final FederationFlows flows;

    Node(ConfigurableApplicationContext context) {
      port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
      clock = context.getBean(MutableClock.class);
      jdbc = context.getBean(JdbcClient.class);
      rp = new RelyingParty(port, context.getEnvironment().getProperty("propusk.public-url"), clock);
      flows = new FederationFlows(rp, clock);
    }

    String activeKid() {
      return jdbc.sql("select kid from federation_signing_key where alg = 'ES256' and active").query(String.class).single();
    }

    List<String> published() throws Exception {
      return JWKSet.load(rp.endpoint("/oauth2/jwks").toURL()).getKeys().stream()
          .filter(key -> JWSAlgorithm.ES256.equals(key.getAlgorithm()))
          .map(JWK::getKeyID)
          .toList();
    }
  }

  private static String kidOf(OIDCTokens tokens) {
    return ((SignedJWT) tokens.getIDToken()).getHeader().getKeyID();
  }

  private static void advanceBoth(Node a, Node b, Duration duration) {
    a.clock.advance(duration);
    b.clock.advance(duration);
  }

  private static void moveBoth(Node a, Node b, Instant instant) {
    Duration ahead = Duration.between(a.clock.instant(), instant);
    assertThat(ahead).isPositive();
    advanceBoth(a, b, ahead);
  }

  private static ConfigurableApplicationContext start() {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.profiles.active=" + String.join(",", new TestProfiles().resolve(KeyRotationAcrossNodesTests.class)));
    TestDatabases.properties(DATABASE).forEach((key, value) -> args.add("--" + key + "=" + value));
    // each node its own movable clock, moved together by the test
    return new SpringApplicationBuilder(PropuskApplication.class, PropuskIntegrationTest.Clocks.class).run(args.toArray(String[]::new));
  }
}
