package org.propusk.bench;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;

import io.gatling.javaapi.core.ChainBuilder;
import java.time.Duration;

/**
 * The relying party asks for the citizen's claims with its access token: each user signs a citizen
 * in once (authorization code), then calls userinfo again and again. Access tokens live five
 * minutes on both systems: a token older than four is renewed first (that request is named as a
 * refresh, not as userinfo), so that long runs measure userinfo, not expired tokens.
 */
public class UserInfoSimulation extends BenchSimulation {

  private static final Duration RENEW_AFTER = Duration.ofMinutes(4);

  public UserInfoSimulation() {
    super(
        4,
        // the relying party's server calls userinfo, without the browser's cookies
        target -> feed(existingCitizens()).exec(target.authorizationCode()).exec(flushCookieJar()).exec(stamped()),
        target ->
            doIf(session -> System.currentTimeMillis() - session.getLong("tokensAt") > RENEW_AFTER.toMillis())
                .then(exec(target.refresh()).exec(stamped()))
                .exec(target.userInfo()));
  }

  private static ChainBuilder stamped() {
    return exec(session -> session.set("tokensAt", System.currentTimeMillis()));
  }
}
