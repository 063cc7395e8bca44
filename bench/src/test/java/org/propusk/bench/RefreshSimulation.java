package org.propusk.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;

/**
 * The relying party renews its tokens: each user signs a citizen in once (authorization code), then
 * rotates that citizen's refresh token again and again, keeping the newest one. No password hash on
 * the way: four users per core, as for the other token endpoints.
 */
public class RefreshSimulation extends BenchSimulation {

  public RefreshSimulation() {
    super(4, target -> feed(existingCitizens()).exec(target.authorizationCode()), target -> exec(target.refresh()));
  }
}
