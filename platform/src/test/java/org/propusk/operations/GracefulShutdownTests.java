package org.propusk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.propusk.PropuskApplication;
import org.propusk.test.ApiClient;
import org.propusk.test.TestDatabases;
import org.propusk.test.TestProfiles;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Stopping a node (SIGTERM runs the same close) lets the requests in flight finish: readiness
 * turns down first, so that the load balancer sends nothing new, and the node waits for the
 * request it is serving before it stops.
 */
class GracefulShutdownTests {

  static final String DATABASE = "shutdown_tests";

  /** A request that stays in the handler until the test lets it go. */
  static final class HeldRequest extends HttpServlet {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      entered.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      response.setContentType("text/plain");
      response.getWriter().write("finished");
    }
  }

  @Test
  void aRequestInFlightFinishesWhileTheNodeStops() throws Exception {
    HeldRequest held = new HeldRequest();
    ConfigurableApplicationContext node = start(held);
    int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    ApiClient client = new ApiClient(port);
    assertThat(client.get("/readyz").status()).isEqualTo(200);

    CompletableFuture<ApiClient.Response> inFlight = CompletableFuture.supplyAsync(() -> client.get("/test/held"));
    assertThat(held.entered.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(node::close);

    ApplicationAvailability availability = node.getBean(ApplicationAvailability.class);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC);
    Thread.sleep(500);
    assertThat(stopping).as("waits for the request in flight").isNotDone();

    held.release.countDown();
    ApiClient.Response answer = inFlight.get(30, TimeUnit.SECONDS);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.raw().body()).isEqualTo("finished");
    stopping.get(30, TimeUnit.SECONDS);
  }

  private static ConfigurableApplicationContext start(HeldRequest held) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.profiles.active=" + String.join(",", new TestProfiles().resolve(GracefulShutdownTests.class)));
    TestDatabases.properties(DATABASE).forEach((key, value) -> args.add("--" + key + "=" + value));
    return new SpringApplicationBuilder(PropuskApplication.class)
        // a servlet, not a controller: a controller class would be picked up by every test context's scan
        .initializers(
            context ->
                ((GenericApplicationContext) context)
                    .registerBean("heldRequest", ServletRegistrationBean.class, () -> new ServletRegistrationBean<>(held, "/test/held")))
        .run(args.toArray(String[]::new));
  }
}
