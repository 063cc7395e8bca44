package org.propusk.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One system under load (Propusk or Keycloak): the requests each scenario makes against it, as
 * Gatling chains, so that every simulation runs the same scenario against either system.
 *
 * <p>Session attributes the chains read: {@code login} and {@code password} (an existing account,
 * from the simulation's feeder), {@code newPhone} (a phone no account has, for a registration,
 * with the {@code password} to set);
 * {@code authorizationCode()} saves {@code accessToken} and {@code refreshToken}, which
 * {@code refresh()} (it saves the rotated {@code refreshToken}) and {@code userInfo()} use.
 *
 * <p>Each chain names the request a scenario is measured by with one of the constants below (the
 * report reads their statistics); other requests on the way carry other names.
 */
public interface Target {

  String NO_OP = "no-op";
  String SIGN_IN = "sign-in";
  String REGISTRATION_COMPLETED = "registration: password set";
  String AUTHORIZATION_CODE_TOKEN = "token: authorization_code";
  String REFRESH_TOKEN = "token: refresh_token";
  String CLIENT_CREDENTIALS_TOKEN = "token: client_credentials";
  String USERINFO = "userinfo";

  /** The relying party and the service: the same ids, secrets and callback on both systems. */
  String RP = "bench-rp";
  String RP_SECRET = "bench-rp-secret-0123456789abcdef0123456789";
  String CALLBACK = "http://127.0.0.1:18099/callback";
  String SERVICE = "bench-service";
  String SERVICE_SECRET = "bench-service-secret-0123456789abcdef012345";

  /**
   * The system named by {@code -Dbench.target} ({@code propusk} unless given): the class
   * {@code <Name>Target} of this package, looked up by name so that each system's requests stay in
   * a class of its own and a new system is one more class.
   */
  static Target chosen() {
    String name = System.getProperty("bench.target", "propusk");
    String className =
        Target.class.getPackageName() + "." + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Target";
    try {
      return Class.forName(className).asSubclass(Target.class).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("-Dbench.target=" + name + ": no " + className, e);
    }
  }

  /** {@code propusk} or {@code keycloak}. */
  String name();

  /** Where the system listens (loopback only). */
  String baseUrl();

  /** The OpenID Connect token endpoint's path. */
  String tokenPath();

  /** The OpenID Connect userinfo endpoint's path. */
  String userInfoPath();

  /**
   * A browser's requests; the browser's redirects are steps of their own, and the last one leads to
   * a callback that nothing serves: the code is read from its Location.
   */
  default HttpProtocolBuilder protocol() {
    return http.baseUrl(baseUrl())
        .disableFollowRedirect()
        .acceptHeader("application/json")
        .acceptLanguageHeader("ru")
        .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) Gatling (Propusk benchmark)");
  }

  ChainBuilder noOp();

  /** A password sign-in of {@code login} as the system's API offers it. */
  ChainBuilder signIn();

  /** A registration of {@code newPhone} through to an account with a password. */
  ChainBuilder registration();

  /** The browser's authorization-code login of {@code login} at {@code bench-rp}, then {@link #codeExchange()}. */
  ChainBuilder authorizationCode();

  /** bench-rp exchanges the {@code code} with its PKCE verifier; saves {@code accessToken} and {@code refreshToken}. */
  default ChainBuilder codeExchange() {
    return exec(
        http(AUTHORIZATION_CODE_TOKEN)
            .post(tokenPath())
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

  /** Both systems revoke a refresh token once used: the rotated one is kept. */
  default ChainBuilder refresh() {
    return exec(
        http(REFRESH_TOKEN)
            .post(tokenPath())
            .basicAuth(RP, RP_SECRET)
            .formParam("grant_type", "refresh_token")
            .formParam("refresh_token", "#{refreshToken}")
            .check(
                status().is(200),
                jsonPath("$.access_token").saveAs("accessToken"),
                jsonPath("$.refresh_token").saveAs("refreshToken")));
  }

  /** bench-service with scope {@code api} (on Keycloak an optional client scope of bench-service). */
  default ChainBuilder clientCredentials() {
    return exec(
        http(CLIENT_CREDENTIALS_TOKEN)
            .post(tokenPath())
            .basicAuth(SERVICE, SERVICE_SECRET)
            .formParam("grant_type", "client_credentials")
            .formParam("scope", "api")
            .check(status().is(200), jsonPath("$.access_token").exists()));
  }

  default ChainBuilder userInfo() {
    return exec(
        http(USERINFO)
            .get(userInfoPath())
            .header("Authorization", "Bearer #{accessToken}")
            .check(status().is(200), jsonPath("$.sub").exists()));
  }

  /** The authorization code from the redirect to bench-rp's callback, as {@code code}. */
  static CheckBuilder codeFromCallback() {
    return headerRegex("Location", "^" + Pattern.quote(CALLBACK) + "\\?(?:.*&)?code=([^&]+)")
        .transform(code -> URLDecoder.decode(code, StandardCharsets.UTF_8))
        .saveAs("code");
  }
}
