package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.propusk.test.RelyingParty.RP;
import static org.propusk.test.RelyingParty.RP_CALLBACK;
import static org.propusk.test.RelyingParty.pathOf;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0) at {@code /connect/logout}, with the
 * Nimbus SDK building the relying party's logout request: the ID token's {@code sid} is the
 * browser session's and stays so while the session lasts; a logout with a token of this session
 * ends it through Propusk's recorded sign-out and goes back with {@code state}; a token of another
 * session, or no session, gets the citizen's confirmation page instead; an unregistered address
 * or a missing token is refused without a redirect.
 */
@PropuskIntegrationTest
class RpInitiatedLogoutIntegrationTests {

  static final String PASSWORD = "тихий-огонёк-над-рекой-7";
  static final URI SIGNED_OUT = URI.create("https://rp.example/signed-out");

  @LocalServerPort int port;
  @Value("${propusk.public-url}") String issuer;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  RelyingParty rp;

  @BeforeEach
  void relyingParty() {
    rp = new RelyingParty(port, issuer, clock);
  }

  @Test
  void discoveryAnnouncesTheLogoutEndpointAndBackChannelLogout() {
    var metadata = new ApiClient(port).get("/.well-known/openid-configuration").json();

    assertThat(metadata.get("end_session_endpoint").asString()).isEqualTo(issuer + "/connect/logout");
    assertThat(metadata.get("backchannel_logout_supported").asBoolean()).isTrue();
    assertThat(metadata.get("backchannel_logout_session_supported").asBoolean()).isTrue();
  }

  @Test
  void aLogoutWithThisSessionsTokenEndsTheSessionRecordedAndGoesBackWithState() throws Exception {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    ApiClient browser = new ApiClient(port);
    JWT idToken = signInThroughTheRelyingParty(browser, phone);
    String accountId = browser.get("/api/v1/me").text("id");
    String sid = idToken.getJWTClaimsSet().getStringClaim("sid");
    assertThat(sid).as("sid").matches("[A-Za-z0-9_-]{43}");

    // a second sign-in to the service in the same browser session: the same sid
    assertThat(signInAgain(browser).getJWTClaimsSet().getStringClaim("sid")).isEqualTo(sid);

    State state = new State();
    ApiClient.Response answer = Pages.page(browser, pathOf(new LogoutRequest(rp.endpoint("/connect/logout"), idToken, SIGNED_OUT, state).toURI()));

    assertThat(rp.location(answer)).isEqualTo(SIGNED_OUT + "?state=" + state.getValue());
    assertThat(browser.get("/api/v1/me").status()).as("signed out").isEqualTo(401);
    await().atMost(Waits.BACKGROUND).until(() -> auditKinds(accountId).contains("SIGNED_OUT"));
    // the session's services are forgotten, and their tokens for the account with it
    assertThat(jdbc.sql("select count(*) from federation_session where sid = :sid").param("sid", sid).query(Long.class).single())
        .isZero();
    assertThat(jdbc.sql("select count(*) from oauth2_authorization where principal_name = :id").param("id", accountId).query(Long.class).single())
        .isZero();
  }

  @Test
  void anUnregisteredPostLogoutAddressIsRefusedAndNothingEnds() throws Exception {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    ApiClient browser = new ApiClient(port);
    JWT idToken = signInThroughTheRelyingParty(browser, phone);

    for (URI elsewhere :
        new URI[] {URI.create("https://evil.example/signed-out"), URI.create("https://rp.example/signed-out/more"), RP_CALLBACK}) {
      ApiClient.Response answer =
          Pages.page(browser, pathOf(new LogoutRequest(rp.endpoint("/connect/logout"), idToken, elsewhere, new State()).toURI()));
      assertThat(answer.status()).as(elsewhere.toString()).isEqualTo(400);
      assertThat(answer.header("Location")).isEmpty();
    }
    // without the token, nobody knows who asks
    assertThat(Pages.page(browser, "/connect/logout?post_logout_redirect_uri=" + SIGNED_OUT).status()).isEqualTo(400);
    assertThat(Pages.page(browser, "/connect/logout?id_token_hint=not.a.token").status()).isEqualTo(400);
    assertThat(browser.get("/api/v1/me").status()).as("still signed in").isEqualTo(200);
  }

  @Test
  void aTokenOfAnotherSessionOnlyAsksAndTheCitizenDecides() throws Exception {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    JWT otherSessionsToken = signInThroughTheRelyingParty(new ApiClient(port), phone);
    ApiClient browser = new ApiClient(port);
    signInThroughTheRelyingParty(browser, phone);
    State state = new State();

    String confirmation =
        rp.location(Pages.page(browser, pathOf(new LogoutRequest(rp.endpoint("/connect/logout"), otherSessionsToken, SIGNED_OUT, state).toURI())));

    assertThat(confirmation).isEqualTo("/federation/sign-out");
    String page = Pages.page(browser, confirmation).raw().body();
    assertThat(page).contains("Выйти из Пропуска?", "Сервис «Тестовый портал» завершил свой сеанс.");
    assertThat(page).contains("href=\"" + SIGNED_OUT + "?state=" + state.getValue() + "\"");
    assertThat(browser.get("/api/v1/me").status()).as("nothing ended without a click").isEqualTo(200);

    // the click (with the page's CSRF token)
    assertThat(rp.location(Pages.form(browser, confirmation, Map.of()))).isEqualTo(confirmation);
    assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
    String done = Pages.page(browser, confirmation).raw().body();
    assertThat(done).contains("Вы вышли из Пропуска", "Вернуться в «Тестовый портал»");
    assertThat(done).contains("href=\"" + SIGNED_OUT + "?state=" + state.getValue() + "\"");
  }

  @Test
  void withNobodySignedInThePageSaysSoAndEndsNothing() throws Exception {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    JWT idToken = signInThroughTheRelyingParty(new ApiClient(port), phone);
    ApiClient stranger = new ApiClient(port);

    String confirmation =
        rp.location(Pages.page(stranger, pathOf(new LogoutRequest(rp.endpoint("/connect/logout"), idToken, SIGNED_OUT, new State()).toURI())));

    assertThat(confirmation).isEqualTo("/federation/sign-out");
    String page = Pages.page(stranger, confirmation + "?lang=en").raw().body();
    assertThat(page).contains("You are not signed in to Propusk").doesNotContain("action=\"/federation/sign-out\"");
    // a forged click from another site has no CSRF token
    assertThat(stranger.send(stranger.request(confirmation).POST(java.net.http.HttpRequest.BodyPublishers.noBody())).status())
        .isEqualTo(403);
  }

  private JWT signInThroughTheRelyingParty(ApiClient browser, String phone) throws Exception {
    CodeVerifier verifier = new CodeVerifier();
    Nonce nonce = new Nonce();
    URI callback =
        rp.signIn(browser, rp.authorize(RP, RP_CALLBACK, "openid", new State(), nonce, verifier, CodeChallengeMethod.S256).build(),
            phone, PASSWORD, null, clock);
    return idToken(callback, verifier, nonce);
  }

  /** Signed in already: the authorization request comes straight back with a code. */
  private JWT signInAgain(ApiClient browser) throws Exception {
    CodeVerifier verifier = new CodeVerifier();
    Nonce nonce = new Nonce();
    var request = rp.authorize(RP, RP_CALLBACK, "openid", new State(), nonce, verifier, CodeChallengeMethod.S256).build();
    return idToken(URI.create(rp.location(Pages.page(browser, pathOf(request.toURI())))), verifier, nonce);
  }

  private JWT idToken(URI callback, CodeVerifier verifier, Nonce nonce) throws Exception {
    AuthorizationResponse response = AuthorizationResponse.parse(callback);
    assertThat(response.indicatesSuccess()).as(callback.toString()).isTrue();
    TokenResponse tokens = rp.tokens(response.toSuccessResponse().getAuthorizationCode(), verifier);
    assertThat(tokens.indicatesSuccess()).isTrue();
    JWT idToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
    rp.validate(idToken, RP, JWSAlgorithm.ES256, nonce);
    return idToken;
  }

  private java.util.List<String> auditKinds(String accountId) {
    return jdbc.sql("select kind from audit_event where account_id = :id")
        .param("id", java.util.UUID.fromString(accountId))
        .query(String.class)
        .list();
  }
}
