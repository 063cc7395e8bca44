package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propusk.test.RelyingParty.RP;
import static org.propusk.test.RelyingParty.RP_CALLBACK;
import static org.propusk.test.RelyingParty.RP_SECRET;
import static org.propusk.test.RelyingParty.parameter;
import static org.propusk.test.RelyingParty.pathOf;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The authorization request as relying parties send it (the Nimbus SDK builds them): exact
 * redirect URIs, what is refused, {@code iss} on every answer (RFC 9207), {@code prompt},
 * {@code max_age}, {@code acr_values} and the client's minimum level (ADR 6, test plan rows 3 and 8).
 */
@PropuskIntegrationTest
class AuthorizationRequestTests extends RelyingPartyTestSupport {

  static final String PASSWORD = "тёплый-ветер-над-полем-3";
  /** test-standard in application-test.yaml: Standard accounts and above, a loopback redirect on port 8765. */
  static final ClientID STANDARD = new ClientID("test-standard");
  static final URI STANDARD_CALLBACK = URI.create("https://tax.example/callback");
  static final String STANDARD_ACR = "urn:propusk:level:standard";


  @Test
  void discoveryAnnouncesTheIssuerParameterThePromptsAndTheLevels() {
    JsonNode metadata = new ApiClient(port).get("/.well-known/openid-configuration").json();

    assertThat(metadata.get("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
    assertThat(metadata.get("prompt_values_supported").valueStream().map(JsonNode::asString).toList())
        .containsExactly("none", "login", "consent");
    assertThat(metadata.get("acr_values_supported").valueStream().map(JsonNode::asString).toList())
        .containsExactly("urn:propusk:level:simplified", "urn:propusk:level:standard", "urn:propusk:level:confirmed");
    assertThat(metadata.get("request_parameter_supported").asBoolean()).isFalse();
    assertThat(metadata.get("response_modes_supported").valueStream().map(JsonNode::asString).toList())
        .containsExactly("query");
  }

  @Test
  void aLoopbackRedirectUriMustComeBackOnItsRegisteredPort() {
    URI registered = URI.create("http://127.0.0.1:8765/callback");
    assertThat(first(new ApiClient(port), request(STANDARD, registered).build())).startsWith("/login?return=");

    for (URI other :
        List.of(
            URI.create("http://127.0.0.1:9999/callback"),
            URI.create("http://127.0.0.1/callback"),
            URI.create("http://localhost:8765/callback"),
            URI.create("http://127.0.0.1:8765/callback?x=1"))) {
      ApiClient.Response answer = Pages.page(new ApiClient(port), pathOf(request(STANDARD, other).build().toURI()));
      assertThat(answer.status()).as(other.toString()).isEqualTo(400);
      assertThat(answer.header("Location")).as(other.toString()).isEmpty();
      assertThat(answer.contentType()).startsWith("text/html");
    }
    // a fragment (which Nimbus will not even build)
    String withFragment =
        pathOf(request(STANDARD, registered).build().toURI())
            .replace("redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback", "redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback%23x");
    assertThat(withFragment).contains("callback%23x");
    ApiClient.Response answer = Pages.page(new ApiClient(port), withFragment);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Location")).isEmpty();
  }

  @Test
  void anUnknownClientGetsAnErrorPageAndNoRedirect() {
    ApiClient.Response answer =
        Pages.page(new ApiClient(port), pathOf(request(new ClientID("nobody"), RP_CALLBACK).build().toURI()));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Location")).isEmpty();
  }

  @Test
  void aRequestObjectIsRefusedAsNotSupportedWithTheIssuer() throws Exception {
    State state = new State();
    AuthenticationRequest request =
        request(RP, RP_CALLBACK).state(state).customParameter("request", "eyJhbGciOiJub25lIn0.e30.").build();

    AuthorizationErrorResponse error = error(first(new ApiClient(port), request));

    assertThat(error.getErrorObject().getCode()).isEqualTo("request_not_supported");
    assertThat(error.getState()).isEqualTo(state);
    assertThat(error.getIssuer()).isEqualTo(new Issuer(issuer));
  }

  @Test
  void onlyQueryResponsesAreOffered() throws Exception {
    for (ResponseMode mode : List.of(ResponseMode.FRAGMENT, ResponseMode.FORM_POST, new ResponseMode("query.jwt"))) {
      State state = new State();
      String answer = first(new ApiClient(port), request(RP, RP_CALLBACK).state(state).responseMode(mode).build());
      assertThat(answer).as(mode.getValue()).startsWith(RP_CALLBACK + "?");
      AuthorizationErrorResponse error = error(answer);
      assertThat(error.getErrorObject().getCode()).as(mode.getValue()).isEqualTo("invalid_request");
      assertThat(error.getState()).isEqualTo(state);
      assertThat(error.getIssuer()).isEqualTo(new Issuer(issuer));
    }
    assertThat(first(new ApiClient(port), request(RP, RP_CALLBACK).responseMode(ResponseMode.QUERY).build()))
        .startsWith("/login?return=");
  }

  @Test
  void spring_sOwnRefusalsCarryTheIssuerToo() throws Exception {
    String answer =
        first(
            new ApiClient(port),
            rp.authorize(RP, RP_CALLBACK, "openid", new State(), new Nonce(), new CodeVerifier(), CodeChallengeMethod.PLAIN)
                .build());
    AuthorizationErrorResponse error = error(answer);
    assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_request");
    assertThat(error.getIssuer()).isEqualTo(new Issuer(issuer));
  }

  @Test
  void aRequestTooLongToComeBackFromTheSignInIsRefusedWithAHintToPushIt() throws Exception {
    State state = new State();
    AuthenticationRequest request = request(RP, RP_CALLBACK).state(state).customParameter("padding", "x".repeat(2100)).build();

    AuthorizationErrorResponse error = error(first(new ApiClient(port), request));

    assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_request");
    assertThat(error.getErrorObject().getDescription()).contains("/oauth2/par");
    assertThat(error.getState()).isEqualTo(state);
    assertThat(error.getIssuer()).isEqualTo(new Issuer(issuer));
  }

  @Test
  void promptNoneWithoutASessionAnswersLoginRequiredAndShowsNoPage() throws Exception {
    State state = new State();
    String answer = first(new ApiClient(port), request(RP, RP_CALLBACK).state(state).prompt(new Prompt(Prompt.Type.NONE)).build());

    assertThat(answer).startsWith(RP_CALLBACK.toString());
    AuthorizationErrorResponse error = error(answer);
    assertThat(error.getErrorObject().getCode()).isEqualTo("login_required");
    assertThat(error.getState()).isEqualTo(state);
    assertThat(error.getIssuer()).isEqualTo(new Issuer(issuer));
  }

  @Test
  void promptNoneWithASessionGivesACodeAtOnceWithTheIssuer() throws Exception {
    ApiClient browser = new ApiClient(port);
    signedIn(browser);
    CodeVerifier verifier = new CodeVerifier();
    State state = new State();

    String answer =
        first(browser, rp.authorize(RP, RP_CALLBACK, "openid", state, new Nonce(), verifier, CodeChallengeMethod.S256)
            .prompt(new Prompt(Prompt.Type.NONE))
            .build());

    AuthorizationResponse response = AuthorizationResponse.parse(URI.create(answer));
    assertThat(response.indicatesSuccess()).as(answer).isTrue();
    assertThat(response.getState()).isEqualTo(state);
    assertThat(response.getIssuer()).isEqualTo(new Issuer(issuer));
    TokenResponse tokens = rp.tokens(response.toSuccessResponse().getAuthorizationCode(), verifier);
    assertThat(tokens.indicatesSuccess()).isTrue();
  }

  @Test
  void promptLoginAsksForTheSignInOnceAndTheNewSignInIsTheTokensAuthTime() throws Exception {
    clock.freeze();
    ApiClient browser = new ApiClient(port);
    SignedIn citizen = signedIn(browser);
    clock.advance(Duration.ofMinutes(1));

    CodeVerifier verifier = new CodeVerifier();
    Nonce nonce = new Nonce();
    AuthenticationRequest again =
        rp.authorize(RP, RP_CALLBACK, "openid", new State(), nonce, verifier, CodeChallengeMethod.S256)
            .prompt(new Prompt(Prompt.Type.LOGIN))
            .build();
    // signed in a minute ago, yet sent to the sign-in form, which shows itself (no max_age to skip it)
    String signInPage = first(browser, again);
    assertThat(signInPage).startsWith("/login?return=").doesNotContain("&max_age=");
    assertThat(Pages.page(browser, signInPage).raw().body()).contains("id=\"sign-in-submit\"");
    clock.advance(Duration.ofSeconds(1));
    String returnTo = parameter(signInPage, "return");
    String back = rp.location(Pages.form(browser, "/login", Map.of("login", citizen.phone(), "password", PASSWORD, "return", returnTo)));
    assertThat(back).isEqualTo(returnTo);
    // back from the sign-in, the request goes on to the client: no second round
    String callback = rp.location(Pages.page(browser, back));

    IDTokenClaimsSet claims = idToken(URI.create(callback), verifier, nonce);
    assertThat(claims.getAuthenticationTime().toInstant()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    assertThat(claims.getAuthenticationTime()).isAfter(citizen.claims().getAuthenticationTime());
    // the same request again asks again: the note of the sign-in was used up
    assertThat(first(browser, again)).startsWith("/login?return=");
  }

  @Test
  void maxAgeZeroMeansTheSameAsPromptLogin() {
    ApiClient browser = new ApiClient(port);
    signedIn(browser);
    clock.advance(Duration.ofSeconds(1));
    assertThat(first(browser, request(RP, RP_CALLBACK).maxAge(0).build())).startsWith("/login?return=").doesNotContain("&max_age=");
  }

  @Test
  void maxAgeSendsAnOlderSignInBackToTheSignInAndIsMetAfterIt() throws Exception {
    clock.freeze();
    ApiClient browser = new ApiClient(port);
    SignedIn citizen = signedIn(browser);
    // within max_age: a code at once
    assertThat(first(browser, request(RP, RP_CALLBACK).maxAge(60).build())).startsWith(RP_CALLBACK + "?code=");

    clock.advance(Duration.ofSeconds(2));
    CodeVerifier verifier = new CodeVerifier();
    Nonce nonce = new Nonce();
    AuthenticationRequest request =
        rp.authorize(RP, RP_CALLBACK, "openid", new State(), nonce, verifier, CodeChallengeMethod.S256).maxAge(1).build();
    assertThat(first(browser, request)).startsWith("/login?return=").contains("&max_age=1");
    URI callback = rp.signIn(browser, request, citizen.phone(), PASSWORD, null, clock);

    assertThat(idToken(callback, verifier, nonce).getAuthenticationTime()).isAfter(citizen.claims().getAuthenticationTime());
  }

  @Test
  void promptNoneWithASignInOlderThanMaxAgeAnswersLoginRequired() throws Exception {
    ApiClient browser = new ApiClient(port);
    signedIn(browser);
    clock.advance(Duration.ofSeconds(2));
    State state = new State();

    AuthorizationErrorResponse error =
        error(first(browser, request(RP, RP_CALLBACK).state(state).prompt(new Prompt(Prompt.Type.NONE)).maxAge(1).build()));

    assertThat(error.getErrorObject().getCode()).isEqualTo("login_required");
    assertThat(error.getState()).isEqualTo(state);
    assertThat(error.getIssuer()).isEqualTo(new Issuer(issuer));
  }

  @Test
  void acrValuesAreAListOfWhatIsAcceptedAndUnknownValuesAreIgnored() throws Exception {
    ApiClient browser = new ApiClient(port);
    signedIn(browser);
    for (List<ACR> accepted :
        List.of(
            List.of(new ACR("urn:mace:incommon:iap:silver")),
            List.of(new ACR("urn:propusk:level:confirmed"), new ACR("urn:propusk:level:simplified")),
            List.of(new ACR("urn:propusk:level:unheard-of")))) {
      CodeVerifier verifier = new CodeVerifier();
      Nonce nonce = new Nonce();
      String answer =
          first(browser, rp.authorize(RP, RP_CALLBACK, "openid", new State(), nonce, verifier, CodeChallengeMethod.S256)
              .acrValues(accepted)
              .build());
      assertThat(answer).as(accepted.toString()).startsWith(RP_CALLBACK + "?code=");
      assertThat(idToken(URI.create(answer), verifier, nonce).getACR().getValue()).isEqualTo("urn:propusk:level:simplified");
    }
  }

  @Test
  void aLevelAboveTheAccountsLeadsToThePageThatExplainsItAndBackToTheServiceIsAccessDenied() throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    ApiClient browser = new ApiClient(port);
    State state = new State();
    AuthenticationRequest request =
        rp.authorize(RP, RP_CALLBACK, "openid", state, new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256)
            .acrValues(List.of(new ACR(STANDARD_ACR)))
            .build();
    // the sign-in is told the level, and after it the service's own page says what is missing
    assertThat(first(browser, request)).contains("level=standard");
    String levelPage = rp.signIn(browser, request, phone, PASSWORD, null, clock).toString();
    assertThat(levelPage).startsWith("/federation/level-required?return=");
    assertThat(parameter(levelPage, "return")).isEqualTo(pathOf(request.toURI()));

    String page = Pages.page(browser, levelPage).raw().body();
    assertThat(page).contains("Тестовый портал").contains("«Стандартная»").contains("href=\"/profile\"");
    assertThat(HtmlUtils.htmlUnescape(link(page, "continue"))).isEqualTo(pathOf(request.toURI()));
    AuthorizationErrorResponse back = error(HtmlUtils.htmlUnescape(link(page, "back")));
    assertThat(back.getErrorObject().getCode()).isEqualTo("access_denied");
    assertThat(back.getErrorObject().getDescription()).isEqualTo("account_level");
    assertThat(back.getState()).isEqualTo(state);
    assertThat(back.getIssuer()).isEqualTo(new Issuer(issuer));
    assertThat(back.getRedirectionURI()).isEqualTo(RP_CALLBACK);

    // asked silently, the same is interaction_required, with no page
    AuthorizationErrorResponse silent =
        error(first(browser, request(RP, RP_CALLBACK).acrValues(List.of(new ACR(STANDARD_ACR))).prompt(new Prompt(Prompt.Type.NONE)).build()));
    assertThat(silent.getErrorObject().getCode()).isEqualTo("interaction_required");
    assertThat(silent.getIssuer()).isEqualTo(new Issuer(issuer));
  }

  @Test
  void aClientsMinimumLevelCountsWithoutAcrValues() {
    ApiClient browser = new ApiClient(port);
    SignedIn citizen = signedIn(browser);
    String levelPage = first(browser, request(STANDARD, STANDARD_CALLBACK).build());
    assertThat(levelPage).startsWith("/federation/level-required?return=");

    String page = Pages.page(browser, levelPage).raw().body();
    assertThat(page).contains("Налоговый кабинет").contains("«Стандартная»");
    assertThat(HtmlUtils.htmlUnescape(link(page, "back"))).startsWith(STANDARD_CALLBACK + "?error=access_denied");
    // a parameter without a value in the request is no reason to fail
    assertThat(Pages.page(browser, levelPage + "%26flag").status()).isEqualTo(200);
    assertThat(citizen.claims().getACR().getValue()).isEqualTo("urn:propusk:level:simplified");
  }

  @Test
  void theLevelPageTrustsOnlyARequestItCanCheckAgain() {
    ApiClient browser = new ApiClient(port);
    signedIn(browser);
    String elsewhere =
        pathOf(request(RP, URI.create("https://evil.example/callback")).acrValues(List.of(new ACR(STANDARD_ACR))).build().toURI());
    for (String returnTo : List.of(elsewhere, "/account/security", "https://evil.example/oauth2/authorize?client_id=test-rp")) {
      ApiClient.Response answer =
          Pages.page(browser, "/federation/level-required?return=" + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(answer.status()).as(returnTo).isEqualTo(400);
      assertThat(answer.raw().body()).doesNotContain("evil.example");
    }
  }

  /** A citizen signed in through a first authorization request, and that request's ID token. */
  record SignedIn(String phone, IDTokenClaimsSet claims) {}

  private SignedIn signedIn(ApiClient browser) {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    CodeVerifier verifier = new CodeVerifier();
    Nonce nonce = new Nonce();
    AuthenticationRequest request =
        rp.authorize(RP, RP_CALLBACK, "openid", new State(), nonce, verifier, CodeChallengeMethod.S256).build();
    try {
      return new SignedIn(phone, idToken(rp.signIn(browser, request, phone, PASSWORD, null, clock), verifier, nonce));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private IDTokenClaimsSet idToken(URI callback, CodeVerifier verifier, Nonce nonce) throws Exception {
    AuthorizationResponse response = AuthorizationResponse.parse(callback);
    assertThat(response.indicatesSuccess()).as(callback.toString()).isTrue();
    assertThat(response.getIssuer()).isEqualTo(new Issuer(issuer));
    TokenResponse tokens = rp.tokens(new ClientSecretBasic(RP, RP_SECRET), response.toSuccessResponse().getAuthorizationCode(), RP_CALLBACK, verifier);
    assertThat(tokens.indicatesSuccess()).as(() -> tokens.toErrorResponse().getErrorObject().toString()).isTrue();
    return rp.validate(((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken(), RP, JWSAlgorithm.ES256, nonce);
  }

  private AuthenticationRequest.Builder request(ClientID client, URI redirect) {
    return rp.authorize(client, redirect, "openid", new State(), new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256);
  }

  /** Where the authorization endpoint sends the browser first. */
  private String first(ApiClient browser, AuthenticationRequest request) {
    return rp.location(Pages.page(browser, pathOf(request.toURI())));
  }

  private static AuthorizationErrorResponse error(String redirect) throws Exception {
    AuthorizationResponse response = AuthorizationResponse.parse(URI.create(redirect));
    assertThat(response.indicatesSuccess()).as(redirect).isFalse();
    return response.toErrorResponse();
  }

  private static String link(String page, String id) {
    Matcher link = Pattern.compile("<a id=\"" + id + "\"[^>]*href=\"([^\"]+)\"").matcher(page);
    assertThat(link.find()).as("link #" + id).isTrue();
    return link.group(1);
  }
}
