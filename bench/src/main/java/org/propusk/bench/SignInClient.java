package org.propusk.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client thread's password sign-ins over Propusk's API, each as a new client: no cookies, an
 * address of its own in {@code X-Forwarded-For} (which the {@code dev} profile believes from
 * loopback), {@code GET /api/v1/csrf}, then {@code POST /api/v1/session} with the CSRF header.
 * Not thread-safe: one per thread.
 */
final class SignInClient {

  private static final Pattern CSRF =
      Pattern.compile("\"headerName\"\\s*:\\s*\"([^\"]+)\".*\"token\"\\s*:\\s*\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http =
      HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * Signs in as bench citizen {@code citizen} at {@code base}.
   *
   * @return the time the POST took, in nanoseconds
   * @throws IOException when a step does not answer 200, or the connection fails
   */
  long signIn(String base, int citizen) throws IOException, InterruptedException {
    cookies.getCookieStore().removeAll();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    HttpResponse<String> csrf =
        http.send(request(base, "/api/v1/csrf", address).GET().build(), HttpResponse.BodyHandlers.ofString());
    Matcher token = CSRF.matcher(csrf.body());
    if (csrf.statusCode() != 200 || !token.find()) {
      throw new IOException("no CSRF token: " + csrf.statusCode());
    }
    String body =
        "{\"login\":\"%s\",\"password\":\"%s\"}".formatted(BenchAccounts.login(citizen), BenchAccounts.PASSWORD);
    HttpRequest signIn =
        request(base, "/api/v1/session", address)
            .header("Content-Type", "application/json")
            .header(token.group(1), token.group(2))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    long started = System.nanoTime();
    int status = http.send(signIn, HttpResponse.BodyHandlers.discarding()).statusCode();
    long took = System.nanoTime() - started;
    if (status != 200) {
      throw new IOException("sign-in answered " + status);
    }
    return took;
  }

  private static HttpRequest.Builder request(String base, String path, String address) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json")
        .header("X-Forwarded-For", address);
  }
}
