package org.propusk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The classes of hostile requests that once reached a 500 (issue 15), each answered by one
 * mechanism with a 4xx problem, on every kind of endpoint: public and signed-in, JSON bodies and none.
 */
@PropuskIntegrationTest
class HostileRequestTests {

  /** Endpoints taking a JSON body: public ones and one of a signed-in citizen. */
  static final List<String> JSON_ENDPOINTS =
      List.of("/api/v1/registrations", "/api/v1/session", "/api/v1/recoveries", "/api/v1/me/password-strength");

  @LocalServerPort int port;

  @Test
  void unparseableOrWildcardContentTypesAreRefusedAsUnsupported() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), "зелёный-чай-на-веранде-5");
    for (String contentType :
        List.of("*/*", "application/*", "multipart/form-data", "multipart/form-data; boundary=", "text", "a/b/c", ";;", "application/json; charset=nope")) {
      for (String path : JSON_ENDPOINTS) {
        ApiClient.Csrf csrf = citizen.csrf();
        ApiClient.Response answer =
            citizen.send(
                citizen.request(path)
                    .header("Content-Type", contentType)
                    .header(csrf.headerName(), csrf.token())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"x\"}")));
        assertThat(answer.status()).as(contentType + " " + path + " " + answer).isIn(400, 415);
        assertThat(answer.contentType()).as(contentType + " " + path).startsWith("application/problem+json");
      }
    }
  }

  /** Found by the fuzz target of the profile: a PUT's form body was parsed, and failed, before the API. */
  @Test
  void formBodiesOnPutAndDeleteAreUnsupportedHoweverTheyAreEncoded() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), "зелёный-чай-на-веранде-5");
    for (String method : List.of("PUT", "DELETE")) {
      for (String body : List.of("lastName=%zz", "a=%\u0018M", "lastName=%D0", "lastName=Иванов")) {
        ApiClient.Csrf csrf = citizen.csrf();
        String path = "PUT".equals(method) ? "/api/v1/profile" : "/api/v1/me/contact-changes/pending";
        ApiClient.Response answer =
            citizen.send(
                citizen.request(path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header(csrf.headerName(), csrf.token())
                    .method(method, HttpRequest.BodyPublishers.ofString(body)));
        assertThat(answer.status()).as(method + " " + body + " " + answer).isBetween(400, 499);
        assertThat(answer.contentType()).as(method + " " + body).startsWith("application/problem+json");
      }
    }
  }

  @Test
  void brokenPercentEncodingInTheQueryIsABadRequest() throws IOException {
    for (String target :
        List.of("/api/v1/session?x=%zz", "/api/v1/csrf?x=%", "/api/v1/registrations?lang=%E0%A4", "/login?return=%zz", "/?lang=%")) {
      String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
      assertThat(answer).as(target).startsWith("HTTP/1.1 400");
      if (target.startsWith("/api/")) {
        assertThat(answer).as(target).containsIgnoringCase("Content-Type: application/problem+json");
      } else {
        assertThat(answer).as(target).contains("Некорректный запрос");
      }
    }
  }

  @Test
  void pathsTomcatRefusesBeforeTheApplicationAreAnsweredAsProblemsToo() throws IOException {
    // found by the API fuzz target: an encoded NUL or slash in a flow id
    for (String target :
        List.of("/api/v1/registrations/a%00b/password-strength", "/api/v1/registrations/%2F..%2Fx/code", "/api/v1/%00")) {
      String answer = raw("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      assertThat(answer).as(target).startsWith("HTTP/1.1 400");
      assertThat(answer).as(target).containsIgnoringCase("Content-Type: application/problem+json");
      assertThat(answer).as(target).doesNotContainIgnoringCase("tomcat").doesNotContain("<html");
    }
  }

  @Test
  void loneSurrogatesInJsonStringsAreAFieldErrorNotAFailure() {
    ApiClient client = new ApiClient(port);
    Map<String, List<String>> bodies =
        Map.of(
            "/api/v1/session", List.of("{\"login\":\"\\ud800\",\"password\":\"x\"}", "{\"login\":\"ab\\udc00cd\",\"password\":\"x\"}"),
            "/api/v1/recoveries", List.of("{\"login\":\"\\ud800\"}", "{\"login\":\"+7916\\udc00\"}"),
            "/api/v1/registrations",
            List.of("{\"lastName\":\"\\ud800\",\"firstName\":\"Иван\",\"phone\":\"+79001234567\",\"acceptTerms\":true}"));
    bodies.forEach((path, list) -> list.forEach(body -> assertMalformedText(client.post(path, body), path + " " + body)));
    // a lone surrogate in a field the endpoint does not read is ignored like the field
    assertThat(client.post("/api/v1/recoveries", "{\"login\":\"+79161234567\",\"x\":\"\\ud800\"}").status()).isLessThan(500);
  }

  /** Found by the fuzz target of reauthentication: the password hash could not encode the text. */
  @Test
  void loneSurrogatesInPasswordsAreAFieldErrorWhereverAPasswordIsTyped() {
    String password = "зелёный-чай-на-веранде-5";
    String phone = TestContacts.phone();
    ApiClient citizen = TestAccounts.registerByPhone(port, phone, password);
    for (String broken : List.of("\\ud800", "abc\\ud83d", "\\udc00xyz", "\\ude00\\ud83d")) {
      String json = "{\"password\":\"" + broken + "\",\"passwordRepeat\":\"" + broken + "\",\"currentPassword\":\"" + password + "\"}";
      assertMalformedText(citizen.post("/api/v1/session/reauthentication", json), "reauthentication " + broken);
      assertMalformedText(citizen.post("/api/v1/me/password-strength", json), "password strength " + broken);
      assertMalformedText(citizen.put("/api/v1/me/password", json), "password change " + broken);
      assertMalformedText(
          new ApiClient(port).post("/api/v1/session", "{\"login\":\"" + phone + "\",\"password\":\"" + broken + "\"}"), "sign-in " + broken);
    }
    // a well-formed pair (an emoji) is text like any other
    assertThat(citizen.post("/api/v1/me/password-strength", "{\"password\":\"\\ud83d\\ude00-пароль\"}").status()).isEqualTo(200);
    assertThat(citizen.post("/api/v1/session/reauthentication", "{\"password\":\"" + password + "\"}").status()).isLessThan(300);
  }

  private static void assertMalformedText(ApiClient.Response answer, String request) {
    assertThat(answer.status()).as(request + " " + answer).isEqualTo(422);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().at("/errors/0/code").asString()).as(request).isEqualTo("malformed_text");
    assertThat(answer.json().at("/errors/0/field").asString()).as(request).isIn("login", "lastName", "password", "passwordRepeat");
  }

  @Test
  void manyLanguagesOrAnInvalidLanguageCookieFallBackToRussian() {
    ApiClient client = new ApiClient(port);
    String languages = IntStream.range(0, 40).mapToObj(i -> "x" + i + ";q=0." + (i % 9 + 1)).collect(Collectors.joining(","));
    for (var header : List.of(languages, "en;q=2", "*;q=abc", ",,,;;;", "ru-" + "a".repeat(500))) {
      ApiClient.Response answer =
          client.send(client.request("/api/v1/nothing-here").setHeader("Accept-Language", header).GET());
      assertThat(answer.status()).as(header).isEqualTo(404);
      assertThat(answer.text("title")).isEqualTo("Не найдено");
    }
    for (String cookie : List.of("lang=%%%", "lang=xx_YY_ZZ_!!", "lang=" + "e".repeat(300), "lang=\"\"", "lang=de")) {
      ApiClient.Response page =
          client.send(client.request("/login").setHeader("Accept", "text/html").header("Cookie", cookie).GET());
      assertThat(page.status()).as(cookie).isEqualTo(200);
      assertThat(page.raw().body()).as(cookie).contains("lang=\"ru\"");
      ApiClient.Response api = client.send(client.request("/api/v1/nothing-here").header("Cookie", cookie).GET());
      assertThat(api.status()).as(cookie).isEqualTo(404);
    }
    // a language asked for that we do not speak is not announced either
    ApiClient.Response german = client.send(client.request("/login?lang=de").setHeader("Accept", "text/html").GET());
    assertThat(german.raw().body()).contains("lang=\"ru\"");
  }

  /** A client that waits for the continue is refused before it sends a body the server would not read. */
  @Test
  void aBodyThatWouldNotBeReadIsNotAskedFor() throws IOException {
    // no CSRF token: refused before the body is read
    assertThat(statusLine(expectingContinue("/api/v1/registrations", "application/json", 200_000))).startsWith("HTTP/1.1 403");
    // a path Tomcat refuses at the door
    assertThat(statusLine(expectingContinue("/api/v1/registrations/a%00b/confirmation", "application/json", 200_000)))
        .startsWith("HTTP/1.1 400");
    // the token endpoint reads its form: the client is told to go on
    assertThat(statusLine(expectingContinue("/oauth2/token", "application/x-www-form-urlencoded", 10)))
        .startsWith("HTTP/1.1 100");
  }

  private static String expectingContinue(String path, String contentType, int length) {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
        + "\r\nExpect: 100-continue\r\n\r\n";
  }

  /** The first line the server answers with to the head of a request, its body not sent. */
  private String statusLine(String head) throws IOException {
    return exchange(head, in -> new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1)).readLine());
  }

  /** The whole answer to a request sent byte for byte, as no HTTP client library would send it. */
  private String raw(String request) throws IOException {
    return exchange(request, in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  /** How much of the answer to read. */
  private interface Reading {
    String read(InputStream answer) throws IOException;
  }

  private String exchange(String request, Reading reading) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return reading.read(socket.getInputStream());
    }
  }
}
