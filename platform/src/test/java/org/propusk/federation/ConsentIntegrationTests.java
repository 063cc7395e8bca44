package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.propusk.test.RelyingParty.RP;
import static org.propusk.test.RelyingParty.RP_CALLBACK;
import static org.propusk.test.RelyingParty.pathOf;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.Rendezvous;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.TestDatabases;
import org.propusk.test.VerifiedProfiles;
import org.propusk.test.Waits;
import org.propusk.account.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consent, claims and the sharing log (ADR 6 test plan row 9) with the Nimbus SDK as the relying
 * party: the consent page names the exact data with the citizen's values; allow gives a code, deny
 * {@code access_denied}; a consent is asked for once per scope set, again at {@code
 * prompt=consent} or for more scopes; withdrawal asks again and kills the refresh token; userinfo
 * releases exactly the consented scopes' claims, never an unconfirmed contact as verified; the
 * sharing log holds claim names, never values.
 */
@PropuskIntegrationTest
class ConsentIntegrationTests {

  static final String PASSWORD = "синий-иней-на-окне-9";
  static final ClientID PORTAL = new ClientID("test-consent");
  static final Secret PORTAL_SECRET = new Secret("test-consent-secret-0123456789");
  static final URI PORTAL_CALLBACK = URI.create("https://rp.example/consent-callback");

  @LocalServerPort int port;
  @Value("${propusk.public-url}") String issuer;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired Rendezvous rendezvous;
  @Autowired PlatformTransactionManager transactions;
  RelyingParty rp;

  @BeforeEach
  void relyingParty() {
    rp = new RelyingParty(port, issuer, clock);
  }

  /** One authorization with its browser, verifier and nonce. */
  record Attempt(ApiClient browser, AuthenticationRequest request, CodeVerifier verifier, Nonce nonce, State state) {}

  Attempt attempt(ApiClient browser, String scope) {
    CodeVerifier verifier = new CodeVerifier();
    Nonce nonce = new Nonce();
    State state = new State();
    return new Attempt(
        browser, rp.authorize(PORTAL, PORTAL_CALLBACK, scope, state, nonce, verifier, CodeChallengeMethod.S256).build(), verifier, nonce, state);
  }

  @Test
  void theFirstRequestShowsTheExactDataAndAllowGivesTheConsentedClaims() throws Exception {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    Attempt attempt = attempt(new ApiClient(port), "openid profile phone snils");

    URI consent = rp.signIn(attempt.browser(), attempt.request(), phone, PASSWORD, null, clock);
    assertThat(consent.getPath()).isEqualTo("/oauth2/consent");
    ApiClient.Response consentPage = Pages.page(attempt.browser(), pathOf(consent));
    assertThat(consentPage.header("Content-Security-Policy").orElseThrow())
        .as("the answer is redirected to the portal: its origin is a form-action")
        .endsWith("form-action 'self' https://" + PORTAL_CALLBACK.getHost());
    String page = consentPage.raw().body();
    assertThat(page)
        .contains("Передать данные порталу?", "Портал записи к врачу", "Министерство здравоохранения (тест)")
        .contains("Козлова", "Ирина", phone, "подтверждено кодом", "указано вами, не проверено")
        // no SNILS entered: said so, and nothing will be sent
        .contains("data-claim=\"snils\"", "не указано — не будет передано")
        // not asked for: not shown
        .doesNotContain("data-scope=\"email\"", "data-scope=\"id_doc\"");

    AuthorizationResponse answer = AuthorizationResponse.parse(submit(attempt.browser(), page, "allow-form"));
    assertThat(answer.indicatesSuccess()).as(answer.toString()).isTrue();
    assertThat(answer.getState()).isEqualTo(attempt.state());
    OIDCTokenResponse tokens = tokens(answer.toSuccessResponse().getAuthorizationCode(), attempt.verifier());

    IDTokenClaimsSet idToken = rp.validate(tokens.getOIDCTokens().getIDToken(), PORTAL, JWSAlgorithm.ES256, attempt.nonce());
    String accountId = idToken.getSubject().getValue();
    // the ID token carries the openid row only; the rest comes from userinfo
    assertThat(idToken.toJSONObject()).doesNotContainKeys("family_name", "phone_number", "name");

    UserInfo info = userInfo(tokens.getOIDCTokens().getBearerAccessToken(), HTTPRequest.Method.GET);
    assertThat(info.toJSONObject().keySet())
        .containsExactlyInAnyOrder(
            "sub", "family_name", "given_name", "name", "phone_number", "phone_number_verified");
    assertThat(info.getSubject().getValue()).isEqualTo(accountId);
    assertThat(info.getFamilyName()).isEqualTo("Козлова");
    assertThat(info.getPhoneNumber()).isEqualTo(phone);
    assertThat(info.getPhoneNumberVerified()).isTrue();

    // the log: the portal, the claim names and the channel, never a value
    List<Map<String, Object>> log =
        jdbc.sql("select client_id, claims, channel from federation_sharing_log where account_id = :a order by released_at, channel")
            .param("a", UUID.fromString(accountId))
            .query()
            .listOfRows();
    assertThat(log).extracting(row -> row.get("channel")).containsExactlyInAnyOrder("id_token", "userinfo");
    assertThat(log).allSatisfy(row -> assertThat(row.get("client_id")).isEqualTo("test-consent"));
    assertThat(log).extracting(row -> (String) row.get("claims"))
        .containsExactlyInAnyOrder(
            "sub acr amr auth_time", "sub family_name given_name name phone_number phone_number_verified")
        .allSatisfy(claims -> assertThat(claims).doesNotContain(phone, "Козлова", "+7"));
    awaitAudit(accountId, "CONSENT_GRANTED", "client=test-consent scopes=openid,phone,profile,snils");
    awaitAudit(accountId, "ATTRIBUTES_RELEASED", "client=test-consent channel=userinfo claims=sub,family_name");

    // asking again with the same access token releases nothing new; a new token is a new release
    userInfo(tokens.getOIDCTokens().getBearerAccessToken(), HTTPRequest.Method.POST);
    assertThat(releases(accountId, "userinfo")).isEqualTo(1);
    TokenResponse refreshed =
        OIDCTokenResponseParser.parse(
            new TokenRequest(
                    rp.endpoint("/oauth2/token"),
                    new ClientSecretBasic(PORTAL, PORTAL_SECRET),
                    new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()))
                .toHTTPRequest()
                .send());
    assertThat(refreshed.indicatesSuccess()).isTrue();
    // the refresh's ID token repeats the sign-in's claims for the same authorization: not a new entry
    assertThat(((OIDCTokenResponse) refreshed.toSuccessResponse()).getOIDCTokens().getIDToken()).isNotNull();
    assertThat(releases(accountId, "id_token")).isEqualTo(1);
    BearerAccessToken renewed = (BearerAccessToken) refreshed.toSuccessResponse().getTokens().getAccessToken();
    userInfo(renewed, HTTPRequest.Method.GET);
    userInfo(renewed, HTTPRequest.Method.GET);
    assertThat(releases(accountId, "userinfo")).isEqualTo(2);
  }

  private long releases(String accountId, String channel) {
    return jdbc.sql("select count(*) from federation_sharing_log where account_id = :a and channel = :channel")
        .param("a", UUID.fromString(accountId))
        .param("channel", channel)
        .query(Long.class)
        .single();
  }

  @Test
  void aConsentHoldsForItsScopesAndIsAskedForAgainAtPromptConsentOrForMore() throws Exception {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    ApiClient browser = new ApiClient(port);
    Attempt first = attempt(browser, "openid profile");
    URI consent = rp.signIn(browser, first.request(), phone, PASSWORD, null, clock);
    assertThat(AuthorizationResponse.parse(submit(browser, Pages.page(browser, pathOf(consent)).raw().body(), "allow-form"))
            .indicatesSuccess())
        .isTrue();

    // the same scopes again: straight back with a code
    URI again = URI.create(rp.location(Pages.page(browser, pathOf(attempt(browser, "openid profile").request().toURI()))));
    assertThat(again.toString()).startsWith(PORTAL_CALLBACK.toString()).contains("code=");

    // prompt=consent: the page again
    Attempt asked = attempt(browser, "openid profile");
    AuthenticationRequest prompted =
        new AuthenticationRequest.Builder(asked.request()).prompt(new com.nimbusds.openid.connect.sdk.Prompt("consent")).build();
    String promptedPage = rp.location(Pages.page(browser, pathOf(prompted.toURI())));
    assertThat(promptedPage).startsWith("/oauth2/consent?");

    // one scope more than allowed: the page again, naming it
    String more = rp.location(Pages.page(browser, pathOf(attempt(browser, "openid profile email").request().toURI())));
    assertThat(more).startsWith("/oauth2/consent?");
    assertThat(Pages.page(browser, more).raw().body()).contains("data-scope=\"email\"", "data-scope=\"profile\"");

    // "deny" on the page shown again at prompt=consent: access_denied although the earlier consent
    // covered the request (Spring would have issued a code), and that consent ends
    AuthorizationResponse denied =
        AuthorizationResponse.parse(submit(browser, Pages.page(browser, promptedPage).raw().body(), "deny-form"));
    assertThat(denied.indicatesSuccess()).isFalse();
    assertThat(denied.toErrorResponse().getErrorObject().getCode()).isEqualTo("access_denied");
    assertThat(denied.getState()).isEqualTo(asked.state());
    String accountId = browser.get("/api/v1/me").text("id");
    assertThat(count("oauth2_authorization_consent", "principal_name", accountId)).isZero();
    awaitAudit(accountId, "CONSENT_WITHDRAWN", "client=test-consent by=refusal");
  }

  /**
   * Another tab of the citizen stores its consent to the portal while this tab's "allow" is under
   * way (issue 15): the other tab's insert is held open here until this one has looked, found no
   * consent, and come to store its own. Spring's save (look, then insert) then hit the consent's key
   * inside the authorization endpoint: a 500. Now this tab gets its code and one consent remains.
   */
  @Test
  void anAllowMeetingAConsentStoredMeanwhileGetsItsCode() throws Exception {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    ApiClient browser = new ApiClient(port);
    String page =
        Pages.page(browser, pathOf(rp.signIn(browser, attempt(browser, "openid profile").request(), phone, PASSWORD, null, clock)))
            .raw()
            .body();
    String accountId = browser.get("/api/v1/me").text("id");
    String portalId = jdbc.sql("select id from federation_client where client_id = 'test-consent'").query(String.class).single();
    try (ExecutorService threads = Executors.newSingleThreadExecutor()) {
      Future<ApiClient.Response> allowed =
          new TransactionTemplate(transactions)
              .execute(
                  otherTab -> {
                    jdbc.sql(
                            "insert into oauth2_authorization_consent (registered_client_id, principal_name, authorities, granted_at)"
                                + " values (:portal, :account, 'SCOPE_openid,SCOPE_profile', current_timestamp)")
                        .param("portal", portalId)
                        .param("account", accountId)
                        .update();
                    Future<ApiClient.Response> answer = threads.submit(() -> post(browser, page, "allow-form"));
                    await()
                        .atMost(Waits.BACKGROUND)
                        .pollInterval(Duration.ofMillis(10))
                        .until(() -> TestDatabases.executing(jdbc, "insert into oauth2_authorization_consent"));
                    return answer;
                  });
      assertThat(allowed.get().status()).as(allowed.get().toString()).isEqualTo(302);
      assertThat(AuthorizationResponse.parse(URI.create(rp.location(allowed.get()))).indicatesSuccess()).isTrue();
    }
    assertThat(count("oauth2_authorization_consent", "principal_name", accountId)).isOne();
  }

  /**
   * Two tabs of one browser at the consent page of one portal, allowing at once: the two requests
   * share a session, and both give it its first code, so both add the session's sid (for
   * back-channel logout) to it. Spring Session stored a new attribute with a plain insert, and the
   * second one failed on the attribute's key: a 500 (issue 15). Both get their code, and one
   * consent remains.
   */
  @Test
  void twoTabsAllowingAtOnceBothGetACode() throws Exception {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    ApiClient browser = new ApiClient(port);
    String first = pathOf(rp.signIn(browser, attempt(browser, "openid profile").request(), phone, PASSWORD, null, clock));
    String second = rp.location(Pages.page(browser, pathOf(attempt(browser, "openid profile").request().toURI())));
    List<String> pages = List.of(Pages.page(browser, first).raw().body(), Pages.page(browser, second).raw().body());
    // the two requests meet when the consent is announced: each has read the session, neither stored it
    try (ExecutorService threads = Executors.newFixedThreadPool(2);
        Rendezvous.Meeting meeting = rendezvous.at(ConsentGranted.class, 2)) {
      List<Future<ApiClient.Response>> answers = new ArrayList<>();
      for (String page : pages) {
        answers.add(threads.submit(() -> post(browser, page, "allow-form")));
      }
      for (Future<ApiClient.Response> answer : answers) {
        assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(302);
        assertThat(AuthorizationResponse.parse(URI.create(rp.location(answer.get()))).indicatesSuccess()).isTrue();
      }
    }
    assertThat(count("oauth2_authorization_consent", "principal_name", browser.get("/api/v1/me").text("id"))).isOne();
  }

  @Test
  void denyGivesAccessDeniedAndStoresNoConsent() throws Exception {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    Attempt attempt = attempt(new ApiClient(port), "openid email");
    URI consent = rp.signIn(attempt.browser(), attempt.request(), phone, PASSWORD, null, clock);

    URI refused = submit(attempt.browser(), Pages.page(attempt.browser(), pathOf(consent)).raw().body(), "deny-form");
    AuthorizationResponse answer = AuthorizationResponse.parse(refused);
    assertThat(answer.indicatesSuccess()).isFalse();
    assertThat(answer.toErrorResponse().getErrorObject().getCode()).isEqualTo("access_denied");
    assertThat(answer.getState()).isEqualTo(attempt.state());
    String accountId = attempt.browser().get("/api/v1/me").text("id");
    assertThat(jdbc.sql("select count(*) from oauth2_authorization_consent where principal_name = :a").param("a", accountId).query(Long.class).single())
        .isZero();
  }

  @Test
  void withdrawalAsksAgainAndTheRefreshAndAccessTokensStopWorking() throws Exception {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    Attempt attempt = attempt(new ApiClient(port), "openid phone");
    ApiClient browser = attempt.browser();
    URI consent = rp.signIn(browser, attempt.request(), phone, PASSWORD, null, clock);
    AuthorizationResponse answer = AuthorizationResponse.parse(submit(browser, Pages.page(browser, pathOf(consent)).raw().body(), "allow-form"));
    OIDCTokenResponse tokens = tokens(answer.toSuccessResponse().getAuthorizationCode(), attempt.verifier());
    RefreshToken refresh = tokens.getOIDCTokens().getRefreshToken();
    assertThat(refresh).isNotNull();

    String sharing = Pages.page(browser, "/account/sharing").raw().body();
    assertThat(sharing).contains("Портал записи к врачу", "Телефон", "при входе (ID-токен)");
    String portalId = jdbc.sql("select id from federation_client where client_id = 'test-consent'").query(String.class).single();
    ApiClient.Response withdrawn = Pages.form(browser, "/account/sharing/" + portalId + "/withdraw", Map.of());
    assertThat(withdrawn.status()).isEqualTo(302);
    assertThat(Pages.page(browser, "/account/sharing").raw().body())
        .contains("Согласие для «Портал записи к врачу» отозвано", "id=\"no-consents\"");

    // the refresh token is dead, userinfo refuses the access token
    TokenResponse refreshed =
        TokenResponse.parse(
            new TokenRequest(rp.endpoint("/oauth2/token"), new ClientSecretBasic(PORTAL, PORTAL_SECRET), new RefreshTokenGrant(refresh))
                .toHTTPRequest()
                .send());
    assertThat(refreshed.indicatesSuccess()).isFalse();
    assertThat(((TokenErrorResponse) refreshed).getErrorObject().getCode()).isEqualTo("invalid_grant");
    UserInfoResponse info =
        UserInfoResponse.parse(new UserInfoRequest(rp.endpoint("/userinfo"), tokens.getOIDCTokens().getBearerAccessToken()).toHTTPRequest().send());
    assertThat(info.indicatesSuccess()).isFalse();
    // and the portal has to ask again
    assertThat(rp.location(Pages.page(browser, pathOf(attempt(browser, "openid phone").request().toURI())))).startsWith("/oauth2/consent?");
    awaitAudit(browser.get("/api/v1/me").text("id"), "CONSENT_WITHDRAWN", "client=test-consent by=withdrawal");
  }

  @Test
  void anUnconfirmedEmailIsReleasedAsNotVerifiedAndUserinfoTakesAFormBody() throws Exception {
    String phone = TestContacts.phone();
    ApiClient citizen = TestAccounts.registerByPhone(port, phone, PASSWORD);
    String accountId = citizen.get("/api/v1/me").text("id");
    // an address no code proved (as accounts imported from elsewhere may have)
    String email = "k" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    jdbc.sql("update account set email = :e, email_key = :e, email_confirmed_at = null where id = :id")
        .param("e", email)
        .param("id", UUID.fromString(accountId))
        .update();
    Attempt attempt = attempt(new ApiClient(port), "openid email contacts");
    URI consent = rp.signIn(attempt.browser(), attempt.request(), phone, PASSWORD, null, clock);
    String page = Pages.page(attempt.browser(), pathOf(consent)).raw().body();
    assertThat(page).contains(email, "не подтверждено");
    OIDCTokenResponse tokens =
        tokens(AuthorizationResponse.parse(submit(attempt.browser(), page, "allow-form")).toSuccessResponse().getAuthorizationCode(), attempt.verifier());

    UserInfo info = userInfo(tokens.getOIDCTokens().getBearerAccessToken(), HTTPRequest.Method.POST);
    assertThat(info.getEmailAddress()).isEqualTo(email);
    assertThat(info.getEmailVerified()).isFalse();
    assertThat(info.toJSONObject().get("contacts").toString()).contains(phone, email);
    assertThat(info.toJSONObject().keySet()).containsExactlyInAnyOrder("sub", "email", "email_verified", "contacts");

    // the token in the header and in the body at once: refused
    String token = tokens.getOIDCTokens().getBearerAccessToken().getValue();
    ApiClient.Response twice =
        citizen.send(
            citizen.request("/userinfo")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("access_token=" + token)));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.header("WWW-Authenticate").orElse("")).contains("invalid_request");
  }

  @Test
  void verifiedDocumentsAreReleasedAndTheNamesTheyMatchedAreMarkedVerified() throws Exception {
    String phone = TestContacts.phone();
    ApiClient citizen = TestAccounts.registerByPhone(port, phone, PASSWORD);
    Map<String, Object> person = VerifiedProfiles.verify(citizen);
    Attempt attempt = attempt(new ApiClient(port), "openid profile fullname snils id_doc");
    URI consent = rp.signIn(attempt.browser(), attempt.request(), phone, PASSWORD, null, clock);
    String page = Pages.page(attempt.browser(), pathOf(consent)).raw().body();
    assertThat(page).contains((String) person.get("lastName"), (String) person.get("passportNumber"), "проверено в ведомстве");
    // everything asked is there, but a patronymic some citizens of the dataset do not have
    assertThat(page.split("не будет передано", -1))
        .hasSize(((String) person.get("patronymic")).isEmpty() ? 2 : 1);
    OIDCTokenResponse tokens =
        tokens(AuthorizationResponse.parse(submit(attempt.browser(), page, "allow-form")).toSuccessResponse().getAuthorizationCode(), attempt.verifier());

    Map<String, Object> info = userInfo(tokens.getOIDCTokens().getBearerAccessToken(), HTTPRequest.Method.GET).toJSONObject();
    assertThat(((String) info.get("snils")).replaceAll("[^0-9]", "")).isEqualTo(((String) person.get("snils")).replaceAll("[^0-9]", ""));
    assertThat(asMap(info.get("id_doc")))
        .containsEntry("number", person.get("passportNumber"))
        .containsEntry("issuer", person.get("passportIssuer"))
        .containsKeys("series", "issue_date", "division_code");
    assertThat(asMap(info.get("fullname"))).containsEntry("last", person.get("lastName")).containsEntry("first", person.get("firstName"));
    assertThat(info.get("birthdate")).isEqualTo(person.get("birthDate"));
    assertThat(info.get("gender")).isEqualTo(person.get("gender"));
    assertThat(((List<?>) info.get("propusk_verified")).stream().map(Object::toString).toList()).contains("family_name", "given_name", "birthdate").doesNotContain("gender");
  }

  @Test
  void unverifiedDocumentsAreNeverReleased() throws Exception {
    String phone = TestContacts.phone();
    ApiClient citizen = TestAccounts.registerByPhone(port, phone, PASSWORD);
    String accountId = citizen.get("/api/v1/me").text("id");
    Attempt attempt = attempt(new ApiClient(port), "openid profile snils id_doc");
    URI consent = rp.signIn(attempt.browser(), attempt.request(), phone, PASSWORD, null, clock);
    String page = Pages.page(attempt.browser(), pathOf(consent)).raw().body();
    OIDCTokenResponse tokens =
        tokens(AuthorizationResponse.parse(submit(attempt.browser(), page, "allow-form")).toSuccessResponse().getAuthorizationCode(), attempt.verifier());
    Map<String, Object> info = userInfo(tokens.getOIDCTokens().getBearerAccessToken(), HTTPRequest.Method.GET).toJSONObject();
    assertThat(info).doesNotContainKeys("snils", "id_doc", "propusk_verified", "birthdate");
    assertThat(info).containsEntry("sub", accountId).containsEntry("family_name", "Козлова");
  }

  @Test
  void aDeletedAccountLosesItsConsentsAndItsLog() throws Exception {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    Attempt attempt = attempt(new ApiClient(port), "openid phone");
    URI consent = rp.signIn(attempt.browser(), attempt.request(), phone, PASSWORD, null, clock);
    AuthorizationResponse answer =
        AuthorizationResponse.parse(submit(attempt.browser(), Pages.page(attempt.browser(), pathOf(consent)).raw().body(), "allow-form"));
    tokens(answer.toSuccessResponse().getAuthorizationCode(), attempt.verifier());
    String accountId = attempt.browser().get("/api/v1/me").text("id");
    assertThat(count("federation_sharing_log", "account_id", UUID.fromString(accountId))).isPositive();

    accounts.delete(UUID.fromString(accountId), java.util.Locale.forLanguageTag("ru"));

    await().atMost(Waits.BACKGROUND).until(() -> count("federation_sharing_log", "account_id", UUID.fromString(accountId)) == 0);
    await().atMost(Waits.BACKGROUND).until(() -> count("oauth2_authorization_consent", "principal_name", accountId) == 0);
    assertThat(count("oauth2_authorization", "principal_name", accountId)).isZero();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  private long count(String table, String column, Object value) {
    return jdbc.sql("select count(*) from " + table + " where " + column + " = :v").param("v", value).query(Long.class).single();
  }

  @Test
  void aScopeTheClientMayNotUseIsRefused() {
    String refused =
        rp.location(
            Pages.page(
                new ApiClient(port),
                pathOf(
                    rp.authorize(RP, RP_CALLBACK, "openid snils", new State(), new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256)
                        .build()
                        .toURI())));
    assertThat(refused).startsWith(RP_CALLBACK.toString()).contains("error=invalid_scope").doesNotContain("code=");
  }

  @Test
  void theConsentPageIsOnlyForTheCitizenWhoseRequestItIs() {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);
    Attempt attempt = attempt(new ApiClient(port), "openid profile");
    URI consent = rp.signIn(attempt.browser(), attempt.request(), phone, PASSWORD, null, clock);

    ApiClient other = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    assertThat(Pages.page(other, pathOf(consent)).status()).isEqualTo(400);
    // nobody signed in: to the sign-in page
    assertThat(Pages.page(new ApiClient(port), pathOf(consent)).status()).isEqualTo(302);
  }

  private OIDCTokenResponse tokens(AuthorizationCode code, CodeVerifier verifier) throws Exception {
    TokenResponse tokens = rp.tokens(new ClientSecretBasic(PORTAL, PORTAL_SECRET), code, PORTAL_CALLBACK, verifier);
    assertThat(tokens.indicatesSuccess()).as(() -> tokens.toErrorResponse().getErrorObject().toString()).isTrue();
    return (OIDCTokenResponse) tokens.toSuccessResponse();
  }

  private UserInfo userInfo(BearerAccessToken token, HTTPRequest.Method method) throws Exception {
    UserInfoResponse answer =
        UserInfoResponse.parse(new UserInfoRequest(rp.endpoint("/userinfo"), method, token).toHTTPRequest().send());
    assertThat(answer.indicatesSuccess()).as(() -> answer.toErrorResponse().getErrorObject().toString()).isTrue();
    return answer.toSuccessResponse().getUserInfo();
  }

  /** Posts a form of the page as a browser would: its hidden fields, to its action; returns where it redirects. */
  private URI submit(ApiClient browser, String page, String formId) {
    return URI.create(rp.location(post(browser, page, formId)));
  }

  private static ApiClient.Response post(ApiClient browser, String page, String formId) {
    Matcher form = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"" + formId + "\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(page);
    assertThat(form.find()).as(formId).isTrue();
    List<String> fields = new ArrayList<>();
    Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(form.group(2));
    while (input.find()) {
      fields.add(encode(input.group(1)) + "=" + encode(input.group(2).replace("&amp;", "&")));
    }
    return browser.send(
        browser.request(form.group(1))
            .setHeader("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(fields.stream().collect(Collectors.joining("&")))));
  }

  private void awaitAudit(String accountId, String kind, String detailsStart) {
    await()
        .atMost(Waits.BACKGROUND)
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql("select details from audit_event where account_id = :a and kind = :k")
                            .param("a", UUID.fromString(accountId))
                            .param("k", kind)
                            .query(String.class)
                            .list())
                    .anySatisfy(details -> assertThat(details).startsWith(detailsStart)));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
