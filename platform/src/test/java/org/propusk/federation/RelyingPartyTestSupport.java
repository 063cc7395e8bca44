package org.propusk.federation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.propusk.test.MutableClock;
import org.propusk.test.RelyingParty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test class that plays relying parties against the running platform: a fresh Nimbus client and
 * its common flows per test, on the platform's movable clock, which some tests freeze and which
 * ticks again after each.
 */
public abstract class RelyingPartyTestSupport {

  @LocalServerPort protected int port;
  @Value("${propusk.public-url}") protected String issuer;
  @Autowired protected MutableClock clock;
  protected RelyingParty rp;
  protected FederationFlows flows;

  @BeforeEach
  void relyingParty() {
    rp = new RelyingParty(port, issuer, clock);
    flows = new FederationFlows(rp, clock);
  }

  @AfterEach
  void letTimeTick() {
    clock.resume();
  }
}
