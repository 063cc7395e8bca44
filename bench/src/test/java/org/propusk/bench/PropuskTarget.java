package org.propusk.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
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
  public String baseUrl() {
    return "http://127.0.0.1:18080";
  }

  @Override
  public String tokenPath() {
    return "/oauth2/token";
  }

  @Override
  public String userInfoPath() {
    return "/userinfo";
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
        .exec(fromBrowser(http("authorize, signed in").get("#{backToAuthorize}")).check(status().is(302), Target.codeFromCallback()))
        .exec(codeExchange());
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
