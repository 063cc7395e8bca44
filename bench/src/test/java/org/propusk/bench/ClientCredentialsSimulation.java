package org.propusk.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;

/** A service ({@code bench-service}) takes a token for itself, again and again. */
public class ClientCredentialsSimulation extends BenchSimulation {

  public ClientCredentialsSimulation() {
    super(4, null, target -> exec(target.clientCredentials()));
  }
}
