package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.propusk.test.RelyingParty.pathOf;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Back-channel logout (OpenID Connect Back-Channel Logout 1.0): a service with a registered
 * back-channel URI (here a JDK HTTP server on 127.0.0.1 standing in for it) receives a logout
 * token that the Nimbus SDK's validator accepts when a session it was given tokens in ends, by
 * sign-out, by a password change elsewhere or by the citizen ending it from the sessions list; it is retried while the service answers 500, and
 * the service's refresh token stops working.
 */
@PropuskIntegrationTest
class BackChannelLogoutIntegrationTests {

  static final String PASSWORD = "тихий-огонёк-над-рекой-7";
  static final ClientID CLIENT = new ClientID("test-logout");
  static final Secret SECRET = new Secret("test-logout-secret-0123456789");
  static final URI CALLBACK = URI.create("https://logout-rp.example/callback");

  @LocalServerPort int port;
  @Value("${propusk.public-url}") String issuer;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  RelyingParty rp;

  /**
   * One service for the whole class, on one port: the platform caches its clients for 30 s, so a
   * service moved to a new port for each test would be told only once the cache expired.
   */
  static HttpServer service;
  static final AtomicInteger answer = new AtomicInteger(200);
  /** Each logout token received, with the status it was answered with. */
  static final List<Map.Entry<String, Integer>> received = new CopyOnWriteArrayList<>();

  record Session(JWT idToken, RefreshToken refreshToken, String accountId) {}

  @BeforeAll
  static void theServiceListens() throws IOException {
    service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    service.createContext(
        "/backchannel-logout",
        exchange -> {
          String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = "POST".equals(exchange.getRequestMethod())
                  && exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/x-www-form-urlencoded")
                  && body.startsWith("logout_token=")
              ? answer.get()
              : 400;
          received.add(Map.entry(URLDecoder.decode(body.substring(body.indexOf('=') + 1), StandardCharsets.UTF_8), status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    service.start();
  }

  @AfterAll
  static void theServiceStops() {
    service.stop(0);
  }

  @BeforeEach
  void aFreshStart() {
    rp = new RelyingParty(port, issuer, clock);
    answer.set(200);
    received.clear();
    jdbc.sql("update federation_client set backchannel_logout_uri = :uri where client_id = 'test-logout'")
        .param("uri", "http://127.0.0.1:" + service.getAddress().getPort() + "/backchannel-logout")
        .update();
  }

  @Test
  void aSignOutReachesTheServiceRetriedWhileItFailsAndItsTokensEnd() throws Exception {
    answer.set(500);
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    ApiClient browser = new ApiClient(port);
    Session session = signIn(browser, phone);

    assertThat(Pages.form(browser, "/logout", Map.of()).status()).isEqualTo(302);

    await().atMost(Waits.BACKGROUND).until(() -> received.size() >= 2);
    answer.set(200);
    await().atMost(Waits.BACKGROUND).until(() -> received.stream().anyMatch(r -> r.getValue() == 200));
    assertThat(received).allSatisfy(r -> assertThat(r.getValue()).isIn(500, 200));
    for (Map.Entry<String, Integer> delivery : received) {
      LogoutTokenClaimsSet claims = validate(delivery.getKey());
      assertThat(claims.getSubject().getValue()).isEqualTo(session.accountId());
      assertThat(claims.getSessionID().getValue()).isEqualTo(session.idToken().getJWTClaimsSet().getStringClaim("sid"));
      assertThat(claims.getAudience()).extracting(Object::toString).containsExactly(CLIENT.getValue());
      assertThat(claims.getJWTID()).isNotNull();
      assertThat(claims.toJWTClaimsSet().getExpirationTime().toInstant())
          .isEqualTo(claims.getIssueTime().toInstant().plusSeconds(120));
    }
    // a fresh token per attempt
    assertThat(received.stream().map(r -> r.getKey()).distinct()).hasSameSizeAs(received);
    // delivered: the job is done, after one accepted token
    await().atMost(Waits.BACKGROUND).until(() -> scheduledDeliveries() == 0);
    assertThat(received.stream().filter(r -> r.getValue() == 200)).hasSize(1);

    TokenResponse refreshed = refresh(session.refreshToken());
    assertThat(refreshed.indicatesSuccess()).as("the refresh token ended with the session").isFalse();
    assertThat(((TokenErrorResponse) refreshed).getErrorObject().getCode()).isEqualTo("invalid_grant");
  }

  @Test
  void deliveryIsGivenUpAnHourAfterTheSessionEnded() throws Exception {
    answer.set(500);
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    ApiClient browser = new ApiClient(port);
    signIn(browser, phone);
    assertThat(Pages.form(browser, "/logout", Map.of()).status()).isEqualTo(302);
    await().atMost(Waits.BACKGROUND).until(() -> received.size() >= 2);
    assertThat(scheduledDeliveries()).as("still retried within the hour").isEqualTo(1);

    clock.advance(Duration.ofMinutes(61));

    await().atMost(Waits.BACKGROUND).until(() -> scheduledDeliveries() == 0);
    assertThat(received).allSatisfy(r -> assertThat(r.getValue()).isEqualTo(500));
  }

  @Test
  void aTokenTheServiceRefusesIsNotSentAgain() throws Exception {
    answer.set(400);
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    ApiClient browser = new ApiClient(port);
    signIn(browser, phone);

    assertThat(Pages.form(browser, "/logout", Map.of()).status()).isEqualTo(302);

    await().atMost(Waits.BACKGROUND).until(() -> !received.isEmpty() && scheduledDeliveries() == 0);
    assertThat(received).hasSize(1);
  }

  @Test
  void aPasswordChangeEndsTheOtherSessionsAndTellsTheirServices() throws Exception {
    String phone = TestContacts.phone();
    ApiClient owner = TestAccounts.registerByPhone(port, phone, PASSWORD);
    Session own = signedInAlready(owner);
    ApiClient otherBrowser = new ApiClient(port);
    Session other = signIn(otherBrowser, phone);
    String otherSid = other.idToken().getJWTClaimsSet().getStringClaim("sid");

    String newPassword = "другой-тихий-огонёк-над-рекой-8";
    assertThat(owner.put("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "password", newPassword, "passwordRepeat", newPassword))
            .status())
        .isEqualTo(204);

    await().atMost(Waits.BACKGROUND).until(() -> !received.isEmpty());
    LogoutTokenClaimsSet claims = validate(received.get(0).getKey());
    assertThat(claims.getSessionID().getValue()).isEqualTo(otherSid);
    assertThat(otherBrowser.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(refresh(other.refreshToken()).indicatesSuccess()).isFalse();
    // the session that changed the password goes on, and so do the service's tokens given in it
    assertThat(owner.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(refresh(own.refreshToken()).indicatesSuccess()).isTrue();
    await().atMost(Waits.BACKGROUND).until(() -> scheduledDeliveries() == 0);
    assertThat(received).hasSize(1);
  }

  @Test
  void endingASessionFromTheSessionsListTellsItsServiceAndNoOther() throws Exception {
    String phone = TestContacts.phone();
    ApiClient owner = TestAccounts.registerByPhone(port, phone, PASSWORD);
    Session own = signedInAlready(owner);
    ApiClient otherBrowser = new ApiClient(port);
    Session other = signIn(otherBrowser, phone);
    ApiClient thirdBrowser = new ApiClient(port);
    Session third = signIn(thirdBrowser, phone);
    String otherHandle = handleOfCurrent(otherBrowser);

    assertThat(owner.delete("/api/v1/me/sessions/" + otherHandle).status()).isEqualTo(204);

    await().atMost(Waits.BACKGROUND).until(() -> !received.isEmpty() && scheduledDeliveries() == 0);
    assertThat(received.stream().map(r -> sidOf(r.getKey()))).containsExactly(other.idToken().getJWTClaimsSet().getStringClaim("sid"));
    assertThat(refresh(other.refreshToken()).indicatesSuccess()).as("the ended session's tokens end").isFalse();
    // the sessions the citizen kept go on, with the service's tokens given in them
    assertThat(refresh(own.refreshToken()).indicatesSuccess()).isTrue();
    assertThat(refresh(third.refreshToken()).indicatesSuccess()).isTrue();
    assertThat(thirdBrowser.get("/api/v1/me").status()).isEqualTo(200);
  }

  @Test
  void endingAllOtherSessionsTellsTheServicesOfEachOfThem() throws Exception {
    String phone = TestContacts.phone();
    ApiClient owner = TestAccounts.registerByPhone(port, phone, PASSWORD);
    Session own = signedInAlready(owner);
    Session second = signIn(new ApiClient(port), phone);
    Session third = signIn(new ApiClient(port), phone);

    assertThat(owner.delete("/api/v1/me/sessions").status()).isEqualTo(204);

    await().atMost(Waits.BACKGROUND).until(() -> received.size() >= 2 && scheduledDeliveries() == 0);
    assertThat(received.stream().map(r -> sidOf(r.getKey())))
        .containsExactlyInAnyOrder(
            second.idToken().getJWTClaimsSet().getStringClaim("sid"), third.idToken().getJWTClaimsSet().getStringClaim("sid"));
    assertThat(refresh(own.refreshToken()).indicatesSuccess()).isTrue();
  }

  @Test
  void turningOnASecondFactorEndsTheOtherSessionsAndTellsTheirServices() throws Exception {
    String phone = TestContacts.phone();
    ApiClient owner = TestAccounts.registerByPhone(port, phone, PASSWORD);
    Session other = signIn(new ApiClient(port), phone);

    SecondFactorEnrolment.turnAppOn(owner, clock);

    await().atMost(Waits.BACKGROUND).until(() -> !received.isEmpty() && scheduledDeliveries() == 0);
    assertThat(received.stream().map(r -> sidOf(r.getKey()))).containsExactly(other.idToken().getJWTClaimsSet().getStringClaim("sid"));
    assertThat(refresh(other.refreshToken()).indicatesSuccess()).isFalse();
  }

  @Test
  void deletingTheAccountTellsTheServicesOfEverySession() throws Exception {
    String phone = TestContacts.phone();
    ApiClient owner = TestAccounts.registerByPhone(port, phone, PASSWORD);
    Session first = signIn(new ApiClient(port), phone);
    Session second = signIn(new ApiClient(port), phone);

    assertThat(owner.delete("/api/v1/me").status()).isEqualTo(204);

    await().atMost(Waits.BACKGROUND).until(() -> received.size() >= 2);
    assertThat(received.stream().map(r -> sidOf(r.getKey())))
        .containsExactlyInAnyOrder(
            first.idToken().getJWTClaimsSet().getStringClaim("sid"), second.idToken().getJWTClaimsSet().getStringClaim("sid"));
    assertThat(jdbc.sql("select count(*) from oauth2_authorization where principal_name = :id")
            .param("id", first.accountId())
            .query(Long.class)
            .single())
        .isZero();
    await().atMost(Waits.BACKGROUND).until(() -> scheduledDeliveries() == 0);
  }

  @Test
  void aServiceThatWasNotGivenTokensInTheSessionHearsNothing() throws Exception {
    String phone = TestContacts.phone();
    ApiClient browser = TestAccounts.registerByPhone(port, phone, PASSWORD);
    // signed in to another service only
    CodeVerifier verifier = new CodeVerifier();
    var request = rp.authorize(RelyingParty.RP, RelyingParty.RP_CALLBACK, "openid", new State(), new Nonce(), verifier, CodeChallengeMethod.S256)
        .build();
    assertThat(rp.location(Pages.page(browser, pathOf(request.toURI())))).startsWith(RelyingParty.RP_CALLBACK.toString());

    assertThat(Pages.form(browser, "/logout", Map.of()).status()).isEqualTo(302);

    // the sign-out is done (its session forgotten) before the request returns; no job was made
    assertThat(scheduledDeliveries()).isZero();
    assertThat(received).isEmpty();
  }

  private Session signIn(ApiClient browser, String phone) throws Exception {
    CodeVerifier verifier = new CodeVerifier();
    Nonce nonce = new Nonce();
    URI callback =
        rp.signIn(browser, rp.authorize(CLIENT, CALLBACK, "openid", new State(), nonce, verifier, CodeChallengeMethod.S256).build(),
            phone, PASSWORD, null, clock);
    return tokens(browser, callback, verifier, nonce);
  }

  /** A browser signed in to Propusk: the authorization request comes straight back with a code. */
  private Session signedInAlready(ApiClient browser) throws Exception {
    CodeVerifier verifier = new CodeVerifier();
    Nonce nonce = new Nonce();
    var request = rp.authorize(CLIENT, CALLBACK, "openid", new State(), nonce, verifier, CodeChallengeMethod.S256).build();
    return tokens(browser, URI.create(rp.location(Pages.page(browser, pathOf(request.toURI())))), verifier, nonce);
  }

  private Session tokens(ApiClient browser, URI callback, CodeVerifier verifier, Nonce nonce) throws Exception {
    AuthorizationResponse response = AuthorizationResponse.parse(callback);
    assertThat(response.indicatesSuccess()).as(callback.toString()).isTrue();
    TokenResponse tokens =
        rp.tokens(new ClientSecretBasic(CLIENT, SECRET), response.toSuccessResponse().getAuthorizationCode(), CALLBACK, verifier);
    assertThat(tokens.indicatesSuccess()).isTrue();
    OIDCTokenResponse ok = (OIDCTokenResponse) tokens.toSuccessResponse();
    rp.validate(ok.getOIDCTokens().getIDToken(), CLIENT, JWSAlgorithm.ES256, nonce);
    return new Session(ok.getOIDCTokens().getIDToken(), ok.getOIDCTokens().getRefreshToken(), browser.get("/api/v1/me").text("id"));
  }

  /** The service's own check: signature by the JWKS, typ logout+jwt, issuer, audience, event, sid, no nonce. */
  private LogoutTokenClaimsSet validate(String token) throws Exception {
    var keys = JWKSourceBuilder.<SecurityContext>create(rp.endpoint("/oauth2/jwks").toURL()).build();
    return new LogoutTokenValidator(
            new Issuer(issuer), CLIENT, true, new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys), null)
        .validate(JWTParser.parse(token));
  }

  private String sidOf(String logoutToken) {
    try {
      return validate(logoutToken).getSessionID().getValue();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private TokenResponse refresh(RefreshToken token) throws Exception {
    return OIDCTokenResponseParser.parse(
        new TokenRequest(rp.endpoint("/oauth2/token"), new ClientSecretBasic(CLIENT, SECRET), new RefreshTokenGrant(token))
            .toHTTPRequest()
            .send());
  }

  /** The name the sessions list gives the browser's own session. */
  private static String handleOfCurrent(ApiClient browser) {
    for (var session : browser.get("/api/v1/me/sessions").json()) {
      if (session.get("current").asBoolean()) {
        return session.get("id").asText();
      }
    }
    throw new AssertionError("no current session");
  }

  /**
   * The deliveries to this test's service still to be made (each job is named by the session and
   * the client); other tests' services, long gone, are retried for an hour and are not waited for.
   */
  private long scheduledDeliveries() {
    String client =
        jdbc.sql("select id from federation_client where client_id = :client").param("client", CLIENT.getValue()).query(String.class).single();
    return jdbc.sql("select count(*) from scheduled_tasks where task_name = 'back-channel-logout' and task_instance like :instance")
        .param("instance", "%:" + client)
        .query(Long.class)
        .single();
  }
}
