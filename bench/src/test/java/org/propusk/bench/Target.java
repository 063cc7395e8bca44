package org.propusk.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

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

  HttpProtocolBuilder protocol();

  ChainBuilder noOp();

  /** A password sign-in of {@code login} as the system's API offers it. */
  ChainBuilder signIn();

  /** A registration of {@code newPhone} through to an account with a password. */
  ChainBuilder registration();

  /** The browser's authorization-code login of {@code login} at {@code bench-rp}, then the code exchange. */
  ChainBuilder authorizationCode();

  ChainBuilder refresh();

  ChainBuilder clientCredentials();

  ChainBuilder userInfo();
}
