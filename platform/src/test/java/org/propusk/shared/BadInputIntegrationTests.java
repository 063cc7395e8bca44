package org.propusk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Whatever a client sends, a mistake is answered with a clear 4xx, never a 5xx. */
@PropuskIntegrationTest
class BadInputIntegrationTests {

  @LocalServerPort int port;

  @Test
  void answersAJsonBodyOverTheCapWith413BeforeReadingIt() {
    ApiClient client = new ApiClient(port);
    String large = "{\"lastName\":\"" + "Я".repeat(40_000) + "\",\"firstName\":\"Иван\",\"phone\":\"" + TestContacts.phone() + "\"}";
    ApiClient.Response announced = client.post("/api/v1/registrations", large);
    assertThat(announced.status()).isEqualTo(413);
    assertThat(announced.contentType()).startsWith("application/problem+json");
    assertThat(announced.text("title")).isEqualTo("Слишком большой запрос");
  }

  @Test
  void countsAChunkedBodyAsItArrives() {
    ApiClient client = new ApiClient(port);
    ApiClient.Csrf csrf = client.csrf();
    byte[] body = ("{\"lastName\":\"" + "x".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    ApiClient.Response chunked =
        client.send(
            client.request("/api/v1/registrations")
                .header("Content-Type", "application/json")
                .header(csrf.headerName(), csrf.token())
                // no length given: the body comes in chunks
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(chunked.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aBodyWithinTheCapIsReadAsBefore() {
    ApiClient client = new ApiClient(port);
    ApiClient.Response answer =
        client.post("/api/v1/registrations", Map.of("lastName", "Я".repeat(61), "firstName", "Иван", "phone", TestContacts.phone(), "acceptTerms", true));
    assertThat(answer.status()).isEqualTo(422);
  }

  @Test
  void unknownApiPathsAndMethodsAreProblems() {
    ApiClient client = new ApiClient(port);
    ApiClient.Response unknown = client.get("/api/v1/nothing-here");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.text("title")).isEqualTo("Не найдено");

    ApiClient.Response wrongMethod = client.delete("/api/v1/registrations");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
    assertThat(wrongMethod.text("title")).isEqualTo("Метод не поддерживается");
  }

  @Test
  void theErrorPathItselfIsNoPage() {
    ApiClient browser = new ApiClient(port);
    ApiClient.Response error = browser.send(browser.request("/error").setHeader("Accept", "text/html"));
    assertThat(error.status()).isEqualTo(404);
    assertThat(error.raw().body()).contains("Страница не найдена");
  }

  @Test
  void anUnknownContactChangeIsNotFoundWithTheWayToStartOne() {
    ApiClient citizen = signedInCitizen();
    ApiClient.Response page =
        citizen.send(citizen.request("/account/contacts/" + UUID.randomUUID() + "/confirm").setHeader("Accept", "text/html"));
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.raw().body()).contains("Срок истёк или смена уже завершена").contains("name=\"phone\"");
  }

  @Test
  void refusesAnEmailDomainThatMixesScripts() {
    ApiClient client = new ApiClient(port);
    ApiClient.Response answer =
        client.post(
            "/api/v1/registrations",
            Map.of("lastName", "Иванов", "firstName", "Иван", "email", "ivanov@gm\u0430il.com", "acceptTerms", true));
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().get("errors").get(0).get("code").asString()).isEqualTo("mixed_scripts");
    assertThat(answer.json().get("errors").get(0).get("message").asString()).contains("буквы разных алфавитов");
  }

  private ApiClient signedInCitizen() {
    return TestAccounts.registerByPhone(port, TestContacts.phone(), "зелёный-чай-на-веранде-5");
  }
}
