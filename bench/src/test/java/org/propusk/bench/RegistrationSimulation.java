package org.propusk.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;

/**
 * A new citizen registers, from a new browser, through to an account with a password (a Simplified
 * account on Propusk, with the SMS code read from the development outbox). One Argon2id hash each,
 * hence two users per core as for sign-in.
 */
public class RegistrationSimulation extends BenchSimulation {

  public RegistrationSimulation() {
    super(2, null, target -> exec(flushCookieJar()).feed(newCitizens()).exec(target.registration()));
  }
}
