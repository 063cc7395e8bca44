package org.propusk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The run command's platform reports itself healthy, so that a newcomer (and a load balancer) can tell. */
@PropuskIntegrationTest
class HealthIntegrationTests {

  @LocalServerPort int port;

  @Test
  void isUpInTheDevelopmentSetUp() {
    ApiClient.Response health = new ApiClient(port).get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text("status")).isEqualTo("UP");
  }
}
