package org.propusk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every answer carries its request id; the tests' loopback peer is a trusted proxy (profile dev). */
@PropuskIntegrationTest
class RequestIdIntegrationTests {

  @LocalServerPort int port;

  @Test
  void everyAnswerHasItsOwnIdPagesProblemsAndErrorsAlike() {
    ApiClient client = new ApiClient(port);
    Set<String> ids = new HashSet<>();
    for (ApiClient.Response answer :
        List.of(
            client.get("/api/v1/csrf"),
            client.get("/api/v1/me"),
            client.get("/api/v1/no-such-thing"),
            client.post("/api/v1/session", "{"),
            Pages.page(client, "/login"),
            Pages.page(client, "/no-such-page"))) {
      String id = answer.header(RequestIds.HEADER).orElseThrow(() -> new AssertionError("no id: " + answer));
      assertThat(id).matches("[0-9a-f-]{36}");
      ids.add(id);
    }
    assertThat(ids).hasSize(6);
  }

  @Test
  void theIdOfATrustedProxyIsKeptWhenItLooksLikeAnId() {
    ApiClient client = new ApiClient(port);
    ApiClient.Response kept = client.send(client.request("/api/v1/csrf").header(RequestIds.HEADER, "edge-7f3a9c21").GET());
    assertThat(kept.header(RequestIds.HEADER)).contains("edge-7f3a9c21");
    ApiClient.Response replaced = client.send(client.request("/api/v1/csrf").header(RequestIds.HEADER, "x".repeat(200)).GET());
    assertThat(replaced.header(RequestIds.HEADER).orElseThrow()).matches("[0-9a-f-]{36}");
  }
}
