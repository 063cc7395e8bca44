package org.propusk.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;

/**
 * A password sign-in of a random existing citizen as the system's API offers it, each from a new
 * client (no cookies: no session, no device cookie). Bound by one Argon2id verification each: two
 * users per core keep every core hashing while the other requests of a sign-in are on the wire or
 * in the database; the report sets the throughput against the hash-bound limit.
 */
public class SignInSimulation extends BenchSimulation {

  public SignInSimulation() {
    super(2, null, target -> exec(flushCookieJar()).feed(existingCitizens()).exec(target.signIn()));
  }
}
