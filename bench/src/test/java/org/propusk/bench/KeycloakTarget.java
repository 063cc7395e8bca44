package org.propusk.bench;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Keycloak 26.7.3's requests for each scenario, as close to Propusk's as Keycloak allows: the
 * password sign-in of an API client is the token endpoint's password grant (bench-rp may use it),
 * a registration is Keycloak's own registration form, the browser's login is its login form. Its
 * pages are read as a browser reads them: the form's action (with its session code) from the HTML.
 * Keycloak runs as {@code scripts/keycloak.sh} starts it: production mode, realm {@code bench}, on
 * 127.0.0.1:18180 only. Brute-force detection is off (Keycloak's default), so no request needs an
 * address of its own. The clients (ids, secrets, callback) are the same on both systems.
 */
public final class KeycloakTarget implements Target {

  private static final String REALM = "/realms/bench";
  private static final String OIDC = REALM + "/protocol/openid-connect";

  @Override
  public String name() {
    return "keycloak";
  }

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:18180";
  }

  @Override
  public String tokenPath() {
    return OIDC + "/token";
  }

  @Override
  public String userInfoPath() {
    return OIDC + "/userinfo";
  }

  /** The realm's public description: the cheapest answer that goes through the realm. */
  @Override
  public ChainBuilder noOp() {
    return exec(http(NO_OP).get(REALM).check(status().is(200)));
  }

  @Override
  public ChainBuilder signIn() {
    return exec(
        http(SIGN_IN)
            .post(OIDC + "/token")
            .basicAuth(RP, RP_SECRET)
            .formParam("grant_type", "password")
            .formParam("username", "#{login}")
            .formParam("password", "#{password}")
            .check(status().is(200), jsonPath("$.access_token").exists()));
  }

  /**
   * Keycloak's registration page for bench-rp (its registrations endpoint: the authorization
   * request that opens the form instead of the login form), then the form with the contract's
   * names and no e-mail. Keycloak creates the account, hashes the password and signs the citizen
   * in: the answer is the redirect with a code, which is not exchanged here.
   */
  @Override
  public ChainBuilder registration() {
    return exec(AuthorizationRequests.fresh())
        .exec(
            authorizationRequest(http("registration: form").get(OIDC + "/registrations"))
                .check(status().is(200), formAction("kc-register-form")))
        .exec(
            browser(http(REGISTRATION_COMPLETED).post("#{formAction}"))
                .formParam("firstName", "Тест")
                .formParam("lastName", "Нагрузкин")
                .formParam("email", "")
                .formParam("username", "#{newPhone}")
                .formParam("password", "#{password}")
                .formParam("password-confirm", "#{password}")
                .check(status().is(302), Target.codeFromCallback()));
  }

  @Override
  public ChainBuilder authorizationCode() {
    return exec(AuthorizationRequests.fresh())
        .exec(
            authorizationRequest(http("authorize").get(OIDC + "/auth"))
                .check(status().is(200), formAction("kc-form-login")))
        .exec(
            browser(http("sign-in form").post("#{formAction}"))
                .formParam("username", "#{login}")
                .formParam("password", "#{password}")
                .formParam("credentialId", "")
                .check(status().is(302), Target.codeFromCallback()))
        .exec(codeExchange());
  }

  /** bench-rp's authorization request with PKCE S256, from {@link AuthorizationRequests#fresh()}. */
  private static HttpRequestActionBuilder authorizationRequest(HttpRequestActionBuilder request) {
    return browser(request)
        .queryParam("response_type", "code")
        .queryParam("client_id", RP)
        .queryParam("redirect_uri", CALLBACK)
        .queryParam("scope", "openid profile")
        .queryParam("state", "#{state}")
        .queryParam("nonce", "#{nonce}")
        .queryParam("code_challenge", "#{codeChallenge}")
        .queryParam("code_challenge_method", "S256");
  }

  private static HttpRequestActionBuilder browser(HttpRequestActionBuilder request) {
    return request.header("Accept", "text/html");
  }

  /** The action of the page's form, its session code and execution included, as {@code formAction}. */
  private static CheckBuilder formAction(String formId) {
    return css("form#" + formId, "action").saveAs("formAction");
  }
}
