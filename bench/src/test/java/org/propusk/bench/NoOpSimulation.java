package org.propusk.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;

/**
 * The cheapest answer the system gives ({@link Target#noOp()}): what its HTTP stack and filters cost
 * alone, the yardstick for client credentials and userinfo on the same server.
 */
public class NoOpSimulation extends BenchSimulation {

  public NoOpSimulation() {
    super(4, null, target -> exec(target.noOp()));
  }
}
