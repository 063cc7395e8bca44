package org.propusk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The platform reports itself healthy, so that a newcomer (and a load balancer) can tell; liveness
 * and readiness answer apart, and readiness follows the application's state and the database.
 */
@PropuskIntegrationTest
class HealthIntegrationTests {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired HealthEndpointGroups groups;
  @Autowired HealthContributorRegistry contributors;

  @Test
  void isUpInTheDevelopmentSetUp() {
    ApiClient.Response health = new ApiClient(port).get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text("status")).isEqualTo("UP");
  }

  @Test
  void answersLivenessAndReadinessOnTheActuatorAndOnTheApplicationsOwnPaths() {
    ApiClient balancer = new ApiClient(port);
    for (String path : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/livez", "/readyz"}) {
      ApiClient.Response probe = balancer.get(path);
      assertThat(probe.status()).as(path).isEqualTo(200);
      assertThat(probe.text("status")).as(path).isEqualTo("UP");
    }
  }

  @Test
  void readinessNeedsTheDatabaseButNeitherMailNorTheScheduler() {
    assertThat(contributors.getContributor("db")).isNotNull();
    assertThat(contributors.getContributor("dbScheduler")).as("watched, in the overall health").isNotNull();
    assertThat(groups.get("readiness").isMember("db")).isTrue();
    assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
    assertThat(groups.get("readiness").isMember("mail")).isFalse();
    assertThat(groups.get("readiness").isMember("dbScheduler")).isFalse();
    assertThat(groups.get("liveness").isMember("db")).as("a database outage is no reason to restart").isFalse();
  }

  /** What a graceful shutdown does first: the load balancer sees 503 and sends no new requests. */
  @Test
  void readinessTurnsDownWhileTheApplicationRefusesTraffic() {
    ApiClient balancer = new ApiClient(port);
    try {
      AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
      assertThat(balancer.get("/actuator/health/readiness").status()).isEqualTo(503);
      assertThat(balancer.get("/readyz").status()).isEqualTo(503);
      assertThat(balancer.get("/livez").status()).as("still alive: no restart").isEqualTo(200);
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    assertThat(balancer.get("/readyz").status()).isEqualTo(200);
  }
}
