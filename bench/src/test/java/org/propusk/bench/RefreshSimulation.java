package org.propusk.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;

/**
 * The relying party renews its tokens: each user signs a citizen in once (authorization code), then
 * rotates that citizen's refresh token again and again, keeping the newest one. No password hash on
 * the way: four users per core, as for the other token endpoints.
 */
public class RefreshSimulation extends BenchSimulation {

  public RefreshSimulation() {
    // the relying party's server refreshes, without the browser's cookies
    super(
        4,
        target -> feed(existingCitizens()).exec(target.authorizationCode()).exec(flushCookieJar()),
        target -> exec(target.refresh()));
  }
}
