package org.propusk.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Propusk's requests for each scenario, as its clients send them: the JSON API with the session's
 * CSRF token ({@code GET /api/v1/csrf}, header {@code X-CSRF-TOKEN}), the browser's sign-in page
 * and form in the authorization-code login, and the OpenID Connect endpoints as a relying party or
 * a service calls them. Propusk runs as {@code scripts/bench.sh} starts it: profile {@code dev}
 * with {@code bench/propusk-bench.yaml}, on 127.0.0.1:18080 only.
 *
 * <p>Each citizen's journey comes from an address of its own ({@code X-Forwarded-For}, believed from
 * loopback in {@code dev}), as many citizens would, so that the per-address limits are left as in
 * production and not hit by one load generator standing for thousands of people. Requests of
 * relying parties and services carry no such header: they come from their servers.
 */
public final class PropuskTarget implements Target {

  static final String BASE_URL = "http://127.0.0.1:18080";
  static final String RP = "bench-rp";
  static final String RP_SECRET = "bench-rp-secret-0123456789abcdef0123456789";
  static final String CALLBACK = "http://127.0.0.1:18099/callback";
  static final String SERVICE = "bench-service";
  static final String SERVICE_SECRET = "bench-service-secret-0123456789abcdef012345";

  /** Spring Security's header for the session's CSRF token (HttpSessionCsrfTokenRepository). */
  private static final String CSRF_HEADER = "X-CSRF-TOKEN";
  /** How long a registration waits for its SMS code to reach the development outbox. */
  private static final int OUTBOX_POLLS = 100;
  private static final Duration OUTBOX_POLL_EVERY = Duration.ofMillis(100);
  private static final Pattern SMS_CODE = Pattern.compile("\\b(\\d{6})\\b");
  /** Private addresses 10.0.0.1 upwards, one per journey: 16 million before they repeat. */
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Override
  public String name() {
    return "propusk";
  }

  @Override
  public HttpProtocolBuilder protocol() {
    return http.baseUrl(BASE_URL)
        // the browser's redirects are steps of their own, and the last one leads to a callback that
        // nothing serves: the code is read from its Location
        .disableFollowRedirect()
        .acceptHeader("application/json")
        .acceptLanguageHeader("ru")
        .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) Gatling (Propusk benchmark)");
  }

  @Override
  public ChainBuilder noOp() {
    return exec(http(NO_OP).get("/livez"));
  }

  @Override
  public ChainBuilder signIn() {
    return exec(newCitizenAddress())
        .exec(csrf())
        .exec(
            fromCitizen(http(SIGN_IN).post("/api/v1/session"))
                .header(CSRF_HEADER, "#{csrfToken}")
                .body(StringBody("{\"login\": \"#{login}\", \"password\": \"#{password}\"}"))
                .asJson()
                .check(status().is(200), jsonPath("$.accountId").exists()));
  }

  @Override
  public ChainBuilder registration() {
    return exec(newCitizenAddress())
        .exec(csrf())
        .exec(
            fromCitizen(http("registration: start").post("/api/v1/registrations"))
                .header(CSRF_HEADER, "#{csrfToken}")
                .body(
                    StringBody(
                        "{\"lastName\": \"Нагрузкин\", \"firstName\": \"Тест\", \"phone\": \"#{newPhone}\","
                            + " \"acceptTerms\": true}"))
                .asJson()
                .check(status().is(201), jsonPath("$.id").saveAs("registrationId")))
        // the SMS leaves through the outbox after the commit: read it as a developer does, a few
        // times if need be; a code that never comes fails the confirmation below
        .exec(session -> session.remove("smsCode").set("outboxPolls", 0))
        .exec(
            asLongAs(session -> !session.contains("smsCode") && session.getInt("outboxPolls") < OUTBOX_POLLS)
                .on(
                    exec(
                            http("registration: SMS code from the development outbox")
                                .get("/dev/outbox")
                                .check(
                                    jsonPath("$[?(@.to == '#{newPhone}')].body")
                                        .transform(PropuskTarget::smsCode)
                                        .optional()
                                        .saveAs("smsCode")))
                        .exec(session -> session.set("outboxPolls", session.getInt("outboxPolls") + 1))
                        .doIf(session -> !session.contains("smsCode"))
                        .then(pause(OUTBOX_POLL_EVERY))))
        .exec(
            fromCitizen(http("registration: code").post("/api/v1/registrations/#{registrationId}/confirmation"))
                .header(CSRF_HEADER, "#{csrfToken}")
                .body(StringBody("{\"code\": \"#{smsCode}\"}"))
                .asJson()
                .check(status().is(200)))
        .exec(
            fromCitizen(http(REGISTRATION_COMPLETED).post("/api/v1/registrations/#{registrationId}/password"))
                .header(CSRF_HEADER, "#{csrfToken}")
                .body(StringBody("{\"password\": \"#{password}\", \"passwordRepeat\": \"#{password}\"}"))
                .asJson()
                .check(status().is(201), jsonPath("$.level").is("simplified")));
  }

  @Override
  public ChainBuilder authorizationCode() {
    return exec(newCitizenAddress())
        .exec(AuthorizationRequests.fresh())
        .exec(
            fromBrowser(http("authorize").get("/oauth2/authorize"))
                .queryParam("response_type", "code")
                .queryParam("client_id", RP)
                .queryParam("redirect_uri", CALLBACK)
                .queryParam("scope", "openid profile")
                .queryParam("state", "#{state}")
                .queryParam("nonce", "#{nonce}")
                .queryParam("code_challenge", "#{codeChallenge}")
                .queryParam("code_challenge_method", "S256")
                .check(status().is(302), header("Location").saveAs("signInPage")))
        .exec(
            fromBrowser(http("sign-in page").get("#{signInPage}"))
                .check(
                    status().is(200),
                    css("input[name='_csrf']", "value").saveAs("csrfToken"),
                    css("input[name='return']", "value").saveAs("returnTo")))
        .exec(
            fromBrowser(http("sign-in form").post("/login"))
                .formParam("login", "#{login}")
                .formParam("password", "#{password}")
                .formParam("return", "#{returnTo}")
                .formParam("_csrf", "#{csrfToken}")
                .check(status().is(302), header("Location").saveAs("backToAuthorize")))
        .exec(
            fromBrowser(http("authorize, signed in").get("#{backToAuthorize}"))
                .check(
                    status().is(302),
                    headerRegex("Location", "^" + Pattern.quote(CALLBACK) + "\\?(?:.*&)?code=([^&]+)")
                        .transform(code -> URLDecoder.decode(code, StandardCharsets.UTF_8))
                        .saveAs("code")))
        .exec(
            http(AUTHORIZATION_CODE_TOKEN)
                .post("/oauth2/token")
                .basicAuth(RP, RP_SECRET)
                .formParam("grant_type", "authorization_code")
                .formParam("code", "#{code}")
                .formParam("redirect_uri", CALLBACK)
                .formParam("code_verifier", "#{codeVerifier}")
                .check(
                    status().is(200),
                    jsonPath("$.id_token").exists(),
                    jsonPath("$.access_token").saveAs("accessToken"),
                    jsonPath("$.refresh_token").saveAs("refreshToken")));
  }

  @Override
  public ChainBuilder refresh() {
    return exec(
        http(REFRESH_TOKEN)
            .post("/oauth2/token")
            .basicAuth(RP, RP_SECRET)
            .formParam("grant_type", "refresh_token")
            .formParam("refresh_token", "#{refreshToken}")
            .check(
                status().is(200),
                jsonPath("$.access_token").saveAs("accessToken"),
                jsonPath("$.refresh_token").saveAs("refreshToken")));
  }

  @Override
  public ChainBuilder clientCredentials() {
    return exec(
        http(CLIENT_CREDENTIALS_TOKEN)
            .post("/oauth2/token")
            .basicAuth(SERVICE, SERVICE_SECRET)
            .formParam("grant_type", "client_credentials")
            .formParam("scope", "api")
            .check(status().is(200), jsonPath("$.access_token").exists()));
  }

  @Override
  public ChainBuilder userInfo() {
    return exec(
        http(USERINFO)
            .get("/userinfo")
            .header("Authorization", "Bearer #{accessToken}")
            .check(status().is(200), jsonPath("$.sub").exists()));
  }

  /** The session's CSRF token, as an API client asks for it before its changes. */
  private static HttpRequestActionBuilder csrf() {
    return fromCitizen(http("csrf").get("/api/v1/csrf"))
        .check(jsonPath("$.headerName").is(CSRF_HEADER), jsonPath("$.token").saveAs("csrfToken"));
  }

  private static ChainBuilder newCitizenAddress() {
    return exec(
        session -> {
          int n = ADDRESSES.incrementAndGet() & 0xFFFFFF;
          return session.set("clientAddress", "10." + (n >> 16) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF));
        });
  }

  private static HttpRequestActionBuilder fromCitizen(HttpRequestActionBuilder request) {
    return request.header("X-Forwarded-For", "#{clientAddress}");
  }

  private static HttpRequestActionBuilder fromBrowser(HttpRequestActionBuilder request) {
    return fromCitizen(request).header("Accept", "text/html");
  }

  /** The code in the newest SMS to the phone; null (not yet) when there is none. */
  private static String smsCode(String body) {
    if (body == null) {
      return null;
    }
    Matcher code = SMS_CODE.matcher(body);
    if (!code.find()) {
      throw new IllegalStateException("the newest SMS to the phone carries no code");
    }
    return code.group(1);
  }
}
