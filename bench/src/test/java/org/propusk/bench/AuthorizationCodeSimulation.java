package org.propusk.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;

/**
 * The browser's login at the relying party {@code bench-rp}: authorization request, the sign-in page
 * and form (one Argon2id verification, hence two users per core), back to the authorization
 * endpoint for the code, and the relying party's code exchange; each login in a new browser.
 */
public class AuthorizationCodeSimulation extends BenchSimulation {

  public AuthorizationCodeSimulation() {
    super(2, null, target -> exec(flushCookieJar()).feed(existingCitizens()).exec(target.authorizationCode()));
  }
}
