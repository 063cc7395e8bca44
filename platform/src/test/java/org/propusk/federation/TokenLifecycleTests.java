package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.propusk.federation.FederationFlows.error;
import static org.propusk.federation.FederationFlows.succeeded;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.propusk.account.Accounts;
import org.propusk.account.Evidence;
import org.propusk.audit.AuditKind;
import org.propusk.audit.AuditTrail;
import org.propusk.federation.FederationFlows.Client;
import org.propusk.federation.FederationFlows.Code;
import org.propusk.shared.DbTime;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.TestDatabases;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a relying party's tokens do over their life (ADR 6, test plan rows 5 and 6): their headers
 * and lifetimes, codes that expire after 60 s and revoke what they issued when replayed, refresh
 * tokens that rotate, die with their whole family when an old one is reused and never outlive the
 * absolute lifetime, {@code acr} that follows the account's level, revocation. Time is moved with
 * the platform's clock, never waited for.
 */
@PropuskIntegrationTest
class TokenLifecycleTests extends RelyingPartyTestSupport {

  static final String PASSWORD = "тихий-огонёк-над-рекой-7";

  @Autowired Accounts accounts;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void tokensNameTheirSigningKeyAndLiveTenAndFiveMinutes() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    Code code = flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD);
    OIDCTokens tokens = flows.tokens(Client.RP, code);
    JWKSet published = JWKSet.load(rp.endpoint("/oauth2/jwks").toURL());

    SignedJWT idToken = (SignedJWT) tokens.getIDToken();
    assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(published.getKeyByKeyId(idToken.getHeader().getKeyID())).isNotNull();
    IDTokenClaimsSet claims = rp.validate(idToken, Client.RP.id(), JWSAlgorithm.ES256, code.nonce());
    assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(10));

    SignedJWT accessToken = SignedJWT.parse(tokens.getAccessToken().getValue());
    assertThat(accessToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(published.getKeyByKeyId(accessToken.getHeader().getKeyID())).isNotNull();
    assertThat(accessToken.getJWTClaimsSet().getNotBeforeTime()).isNull();
    assertThat(Duration.between(
            accessToken.getJWTClaimsSet().getIssueTime().toInstant(),
            accessToken.getJWTClaimsSet().getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(tokens.getAccessToken().getLifetime()).isBetween(299L, 300L);

    // the access token works until its five minutes are over by the platform's clock
    assertThat(flows.userInfoStatus(tokens.getAccessToken())).isEqualTo(200);
    clock.advance(Duration.ofMinutes(5).plusSeconds(61));
    assertThat(flows.userInfoStatus(tokens.getAccessToken())).isEqualTo(401);
  }

  @Test
  void aTamperedOrForeignSignedTokenIsRefused() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    Code code = flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD);
    OIDCTokens tokens = flows.tokens(Client.RP, code);

    // the ID token with another subject under its own signature: the relying party's check refuses it
    SignedJWT idToken = (SignedJWT) tokens.getIDToken();
    SignedJWT forgedId = withClaims(idToken, claim -> claim.subject(UUID.randomUUID().toString()));
    assertThat(refused(() -> rp.validate(forgedId, Client.RP.id(), JWSAlgorithm.ES256, code.nonce()))).isTrue();

    // an access token with a changed subject, or signed by a key of someone else's under the same kid
    SignedJWT accessToken = SignedJWT.parse(tokens.getAccessToken().getValue());
    SignedJWT forgedAccess = withClaims(accessToken, claim -> claim.subject(UUID.randomUUID().toString()));
    assertThat(flows.userInfoStatus(new BearerAccessToken(forgedAccess.serialize()))).isEqualTo(401);
    ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID(accessToken.getHeader().getKeyID()).generate();
    SignedJWT foreign = new SignedJWT(accessToken.getHeader(), accessToken.getJWTClaimsSet());
    foreign.sign(new ECDSASigner(stranger));
    assertThat(flows.userInfoStatus(new BearerAccessToken(foreign.serialize()))).isEqualTo(401);
    // and the genuine one still works
    assertThat(flows.userInfoStatus(tokens.getAccessToken())).isEqualTo(200);
  }

  @Test
  void aBearerTokenSignsNobodyInAtTheAuthorizationEndpoint() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    Code code = flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD);
    OIDCTokens tokens = flows.tokens(Client.RP, code);
    SignedJWT forged = withClaims(SignedJWT.parse(tokens.getAccessToken().getValue()), claim -> claim.subject(UUID.randomUUID().toString()));
    URI authorize =
        rp.authorize(Client.RP.id(), Client.RP.callback(), "openid", new State(), new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256)
            .build()
            .toURI();

    // the userinfo chain takes bearer tokens on every path it serves: a browser without a session
    // that brings one (its own, or one made up) is not signed in by it and gets no code
    for (String bearer : List.of(tokens.getAccessToken().getValue(), forged.serialize())) {
      ApiClient stranger = new ApiClient(port);
      ApiClient.Response answer =
          stranger.send(stranger.request(RelyingParty.pathOf(authorize)).header("Authorization", "Bearer " + bearer).GET());
      assertThat(answer.header("Location").orElse("")).as(answer.toString()).doesNotContain("code=");
      assertThat(answer.status()).as(answer.toString()).isIn(302, 401);
    }
  }

  /** The token's header and signature with other claims: what an attacker can make without the key. */
  private static SignedJWT withClaims(SignedJWT token, java.util.function.Consumer<JWTClaimsSet.Builder> change) throws Exception {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(token.getJWTClaimsSet());
    change.accept(claims);
    Base64URL payload = Base64URL.encode(claims.build().toString());
    return new SignedJWT(token.getHeader().toBase64URL(), payload, token.getSignature());
  }

  private interface Check {
    void run() throws Exception;
  }

  private static boolean refused(Check check) {
    try {
      check.run();
      return false;
    } catch (Exception refusal) {
      return true;
    }
  }

  @Test
  void aCodeIsGoodForSixtySecondsByTheClock() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    ApiClient browser = new ApiClient(port);
    clock.freeze();
    Code inTime = flows.signIn(browser, Client.RP, phone, PASSWORD);
    clock.advance(Duration.ofSeconds(59));
    succeeded(flows.exchange(Client.RP, inTime));

    Code late = flows.again(browser, Client.RP);
    clock.advance(Duration.ofSeconds(60));
    assertThat(error(flows.exchange(Client.RP, late))).isEqualTo("invalid_grant");
  }

  @Test
  void aReplayedCodeRevokesTheTokensIssuedWithItAndIsAudited() throws Exception {
    String phone = TestContacts.phone();
    UUID account = accountId(TestAccounts.registerByPhone(port, phone, PASSWORD));
    Code code = flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD);
    OIDCTokens first = flows.tokens(Client.RP, code);
    assertThat(flows.userInfoStatus(first.getAccessToken())).isEqualTo(200);

    assertThat(error(flows.exchange(Client.RP, code))).isEqualTo("invalid_grant");

    assertThat(flows.userInfoStatus(first.getAccessToken())).isEqualTo(401);
    assertThat(flows.active(Client.RP, first.getAccessToken())).isFalse();
    assertThat(error(flows.refresh(Client.RP, first.getRefreshToken()))).isEqualTo("invalid_grant");
    awaitAudit(account, AuditKind.AUTHORIZATION_CODE_REPLAYED, "client=test-rp");
  }

  @Test
  void refreshTokensRotateAndAReusedOneRevokesTheWholeFamily() throws Exception {
    String phone = TestContacts.phone();
    UUID account = accountId(TestAccounts.registerByPhone(port, phone, PASSWORD));
    Code code = flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD);
    OIDCTokens first = flows.tokens(Client.RP, code);

    OIDCTokens second = succeeded(flows.refresh(Client.RP, first.getRefreshToken()));
    assertThat(second.getRefreshToken()).isNotNull().isNotEqualTo(first.getRefreshToken());
    assertThat(second.getAccessToken()).isNotEqualTo(first.getAccessToken());
    // a refreshed ID token: the same sign-in, no nonce (OpenID Connect Core 12.2)
    IDTokenClaimsSet refreshed = rp.validate(second.getIDToken(), Client.RP.id(), JWSAlgorithm.ES256, null);
    assertThat(refreshed.getSubject().getValue()).isEqualTo(account.toString());
    assertThat(flows.userInfoStatus(second.getAccessToken())).isEqualTo(200);

    // the replaced token again: refused, and the family dies, the newest tokens with it
    assertThat(error(flows.refresh(Client.RP, first.getRefreshToken()))).isEqualTo("invalid_grant");
    assertThat(error(flows.refresh(Client.RP, second.getRefreshToken()))).isEqualTo("invalid_grant");
    assertThat(flows.userInfoStatus(second.getAccessToken())).isEqualTo(401);
    assertThat(flows.active(Client.RP, second.getAccessToken())).isFalse();
    awaitAudit(account, AuditKind.REFRESH_TOKEN_REUSED, "client=test-rp");
  }

  /**
   * Two refreshes with one token at once (issue 15): the other one's record of the spent token is
   * held open here until this one has come to record it too. This one is refused like a reuse; it
   * failed on the record's key inside the token endpoint before, a 500.
   */
  @Test
  void aRefreshMeetingAParallelRefreshWithItsTokenIsRefused() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    OIDCTokens tokens = flows.tokens(Client.RP, flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD));
    String hash =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(tokens.getRefreshToken().getValue().getBytes(StandardCharsets.UTF_8)));
    String authorization =
        jdbc.sql("select id from oauth2_authorization where refresh_hash = :hash").param("hash", hash).query(String.class).single();
    try (ExecutorService threads = Executors.newSingleThreadExecutor()) {
      Future<TokenResponse> refreshed =
          new TransactionTemplate(transactions)
              .execute(
                  other -> {
                    jdbc.sql("insert into federation_refresh_spent (token_hash, authorization_id, expires_at) values (:hash, :id, :until)")
                        .param("hash", hash)
                        .param("id", authorization)
                        .param("until", DbTime.of(clock.instant().plus(Duration.ofHours(1))))
                        .update();
                    Future<TokenResponse> answer = threads.submit(() -> flows.refresh(Client.RP, tokens.getRefreshToken()));
                    await()
                        .atMost(Waits.BACKGROUND)
                        .pollInterval(Duration.ofMillis(10))
                        .until(() -> TestDatabases.executing(jdbc, "insert into federation_refresh_spent"));
                    return answer;
                  });
      assertThat(error(refreshed.get())).isEqualTo("invalid_grant");
    }
  }

  @Test
  void anUnknownRefreshTokenIsRefusedWithoutHarmingAnyone() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    OIDCTokens tokens = flows.tokens(Client.RP, flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD));

    assertThat(error(flows.refresh(Client.RP, new RefreshToken()))).isEqualTo("invalid_grant");
    // another client cannot use this client's refresh token, nor does its attempt revoke it
    assertThat(error(flows.refresh(Client.API, tokens.getRefreshToken()))).isEqualTo("invalid_grant");
    succeeded(flows.refresh(Client.RP, tokens.getRefreshToken()));
  }

  @Test
  void rotationDoesNotExtendTheAbsoluteLifetimeOfTwelveHours() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    clock.freeze();
    OIDCTokens tokens = flows.tokens(Client.RP, flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD));
    // used every 50 minutes, each refresh token is fresh (idle lifetime one hour) ...
    for (Duration elapsed = Duration.ZERO; elapsed.plusMinutes(50).compareTo(Duration.ofHours(12)) < 0; elapsed = elapsed.plusMinutes(50)) {
      clock.advance(Duration.ofMinutes(50));
      tokens = succeeded(flows.refresh(Client.RP, tokens.getRefreshToken()));
    }
    // ... but twelve hours after the sign-in the family ends, 40 minutes after the last rotation
    clock.advance(Duration.ofMinutes(40));
    assertThat(error(flows.refresh(Client.RP, tokens.getRefreshToken()))).isEqualTo("invalid_grant");
  }

  @Test
  void anUnusedRefreshTokenDiesAfterAnHour() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    clock.freeze();
    OIDCTokens tokens = flows.tokens(Client.RP, flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD));
    clock.advance(Duration.ofHours(1));
    assertThat(error(flows.refresh(Client.RP, tokens.getRefreshToken()))).isEqualTo("invalid_grant");
  }

  @Test
  void acrFollowsTheAccountLevelAtTheNextRefresh() throws Exception {
    String phone = TestContacts.phone();
    UUID account = accountId(TestAccounts.registerByPhone(port, phone, PASSWORD));
    Code code = flows.signIn(new ApiClient(port), Client.RP, phone, PASSWORD);
    OIDCTokens tokens = flows.tokens(Client.RP, code);
    assertThat(rp.validate(tokens.getIDToken(), Client.RP.id(), JWSAlgorithm.ES256, code.nonce()).getACR().getValue())
        .isEqualTo("urn:propusk:level:simplified");

    accounts.recordEvidence(account, Evidence.VERIFIED_SNILS, true);
    accounts.recordEvidence(account, Evidence.VERIFIED_PASSPORT, true);

    OIDCTokens refreshed = succeeded(flows.refresh(Client.RP, tokens.getRefreshToken()));
    assertThat(rp.validate(refreshed.getIDToken(), Client.RP.id(), JWSAlgorithm.ES256, null).getACR().getValue())
        .isEqualTo("urn:propusk:level:standard");
  }

  @Test
  void aRefreshIsRefusedOnceTheAccountIsBelowTheClientsMinimumLevelOrGone() throws Exception {
    String phone = TestContacts.phone();
    UUID account = accountId(TestAccounts.registerByPhone(port, phone, PASSWORD));
    // (a simplified account gets no code for a service that asks for standard: AuthorizationRequestTests)
    accounts.recordEvidence(account, Evidence.VERIFIED_SNILS, true);
    accounts.recordEvidence(account, Evidence.VERIFIED_PASSPORT, true);
    ApiClient browser = new ApiClient(port);
    OIDCTokens standard = flows.tokens(Client.STANDARD, flows.signIn(browser, Client.STANDARD, phone, PASSWORD));
    OIDCTokens simplified = flows.tokens(Client.RP, flows.again(browser, Client.RP));
    standard = succeeded(flows.refresh(Client.STANDARD, standard.getRefreshToken()));

    accounts.recordEvidence(account, Evidence.VERIFIED_PASSPORT, false);
    assertThat(error(flows.refresh(Client.STANDARD, standard.getRefreshToken()))).isEqualTo("invalid_grant");
    // a service content with a simplified account still refreshes, until the account is deleted
    simplified = succeeded(flows.refresh(Client.RP, simplified.getRefreshToken()));

    accounts.delete(account, Locale.ROOT);
    assertThat(error(flows.refresh(Client.RP, simplified.getRefreshToken()))).isEqualTo("invalid_grant");
  }

  @Test
  void aPublicClientGetsNoRefreshToken() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    OIDCTokens tokens = flows.tokens(Client.SPA, flows.signIn(new ApiClient(port), Client.SPA, phone, PASSWORD));
    assertThat(tokens.getAccessToken()).isNotNull();
    assertThat(tokens.getRefreshToken()).isNull();
  }

  @Test
  void aClientRevokesItsOwnTokensAndNoOneElses() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    ApiClient browser = new ApiClient(port);
    OIDCTokens tokens = flows.tokens(Client.RP, flows.signIn(browser, Client.RP, phone, PASSWORD));

    // another client may not revoke them (invalid_client)
    assertThat(flows.revoke(Client.API, tokens.getAccessToken())).isEqualTo(400);
    assertThat(flows.revoke(Client.API, tokens.getRefreshToken())).isEqualTo(400);
    assertThat(flows.userInfoStatus(tokens.getAccessToken())).isEqualTo(200);

    // its own client revokes the access token: userinfo refuses it, the refresh token still works
    assertThat(flows.revoke(Client.RP, tokens.getAccessToken())).isEqualTo(200);
    assertThat(flows.userInfoStatus(tokens.getAccessToken())).isEqualTo(401);
    OIDCTokens refreshed = succeeded(flows.refresh(Client.RP, tokens.getRefreshToken()));

    // revoking the refresh token ends the access token issued with it too
    assertThat(flows.revoke(Client.RP, refreshed.getRefreshToken())).isEqualTo(200);
    assertThat(error(flows.refresh(Client.RP, refreshed.getRefreshToken()))).isEqualTo("invalid_grant");
    assertThat(flows.userInfoStatus(refreshed.getAccessToken())).isEqualTo(401);
    // an unknown token is "revoked" all the same (RFC 7009 2.2)
    assertThat(flows.revoke(Client.RP, new RefreshToken())).isEqualTo(200);
  }

  private UUID accountId(ApiClient citizen) {
    return UUID.fromString(citizen.get("/api/v1/me").text("id"));
  }

  private void awaitAudit(UUID account, AuditKind kind, String details) {
    await().atMost(Waits.BACKGROUND)
        .until(() -> audit.ofAccount(account, 50).stream().anyMatch(e -> e.kind() == kind && details.equals(e.details())));
  }
}
