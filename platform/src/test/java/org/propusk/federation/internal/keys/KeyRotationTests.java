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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.propusk.federation.RelyingPartyTestSupport;
import org.propusk.federation.FederationFlows;
import org.propusk.federation.internal.clients.FederationSettings;
import org.propusk.shared.DbTime;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.propusk.test.TestDatabases;
import org.propusk.test.TestAccounts;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing key rotation (ADR 6, section 5; test plan row 13), driven by the platform's clock: the
 * next key is published a day before it signs, signs once the rotation period is over, and the
 * retired key stays published until the tokens it signed have expired, so that they still verify.
 */
@PropuskIntegrationTest
class KeyRotationTests extends RelyingPartyTestSupport {

  /**
   * A database and clock of its own: in the shared context other tests move the clock by days,
   * and the recurring rotation task would then have published a next key before this test starts.
   */
  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabases.isolate(registry, "key_rotation_tests");
  }

  static final String PASSWORD = "тихий-огонёк-над-рекой-7";

  @Autowired KeyRotation rotation;
  @Autowired FederationSettings settings;
  @Autowired JdbcClient jdbc;

  @Test
  void theNextKeyIsPublishedADayAheadSignsWhenDueAndTheRetiredOneVerifiesItsTokensUntilTheyExpire() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    clock.freeze();
    String retired = activeKid();
    Instant due = jdbc.sql("select signs_from from federation_signing_key where kid = :kid")
        .param("kid", retired)
        .query((rs, n) -> DbTime.read(rs, "signs_from"))
        .single()
        .plus(settings.keyRotation());

    // not yet due: nothing changes (whatever the task itself did since the start)
    List<String> published0 = publishedEs256();
    assertThat(published0).contains(retired);
    rotation.rotateDue();
    assertThat(publishedEs256()).containsExactlyInAnyOrderElementsOf(published0);
    assertThat(activeKid()).isEqualTo(retired);

    // a day ahead: the next key is published, but the old one still signs
    if (clock.instant().isBefore(due.minus(KeyRotation.NOTICE))) {
      moveTo(due.minus(KeyRotation.NOTICE));
    }
    rotation.rotateDue();
    List<String> published = publishedEs256();
    assertThat(published).hasSize(2).contains(retired);
    String next = published.stream().filter(kid -> !kid.equals(retired)).findFirst().orElseThrow();
    assertThat(activeKid()).isEqualTo(retired);

    // a token signed just before the rotation ...
    moveTo(due.minus(Duration.ofMinutes(1)));
    ApiClient browser = new ApiClient(port);
    FederationFlows.Code code = flows.signIn(browser, FederationFlows.Client.RP, phone, PASSWORD);
    OIDCTokens before = flows.tokens(FederationFlows.Client.RP, code);
    assertThat(((SignedJWT) before.getIDToken()).getHeader().getKeyID()).isEqualTo(retired);

    // ... still verifies after it, while new tokens name the new key
    clock.advance(Duration.ofMinutes(2));
    rotation.rotateDue();
    assertThat(activeKid()).isEqualTo(next);
    rp.validate(before.getIDToken(), FederationFlows.Client.RP.id(), JWSAlgorithm.ES256, code.nonce());
    assertThat(flows.userInfoStatus(before.getAccessToken())).isEqualTo(200);
    OIDCTokens after = flows.tokens(FederationFlows.Client.RP, flows.again(browser, FederationFlows.Client.RP));
    assertThat(((SignedJWT) after.getIDToken()).getHeader().getKeyID()).isEqualTo(next);
    assertThat(SignedJWT.parse(after.getAccessToken().getValue()).getHeader().getKeyID()).isEqualTo(next);
    // running again changes nothing
    rotation.rotateDue();
    assertThat(publishedEs256()).containsExactlyInAnyOrder(retired, next);
    await().atMost(Waits.BACKGROUND)
        .until(() -> jdbc.sql("select count(*) from audit_event where kind = 'SIGNING_KEY_ROTATED' and details = :d")
            .param("d", "alg=ES256 active=" + next + " retired=" + retired)
            .query(Long.class)
            .single() == 1);

    // a day and the longest token lifetime later, the retired key is gone from the JWKS
    clock.advance(Duration.ofDays(1).plusMinutes(10));
    assertThat(publishedEs256()).containsExactly(next);
  }

  private void moveTo(Instant instant) {
    Duration ahead = Duration.between(clock.instant(), instant);
    assertThat(ahead).isPositive();
    clock.advance(ahead);
  }

  private String activeKid() {
    return jdbc.sql("select kid from federation_signing_key where alg = 'ES256' and active").query(String.class).single();
  }

  private List<String> publishedEs256() throws Exception {
    return JWKSet.load(rp.endpoint("/oauth2/jwks").toURL()).getKeys().stream()
        .filter(key -> JWSAlgorithm.ES256.equals(key.getAlgorithm()))
        .map(JWK::getKeyID)
        .toList();
  }
}
