package org.propusk.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One API client as a real one behaves: its own cookie jar (the session), the session's CSRF token
 * (asked for before every change with {@code GET /api/v1/csrf}, since sign-in renews it and a
 * sign-out or an ended session drops it) in the header on every change, and its own client address (sent as {@code X-Forwarded-For}, which the
 * {@code dev} profile trusts from loopback proxies).
 */
public class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final CookieManager cookies;
  private final HttpClient http;
  private final String clientAddress;
  private String language = "ru";
  private String userAgent = "Java-http-client";

  /** The CSRF header to send and the session's token. */
  public record Csrf(String headerName, String token) {}

  public ApiClient(int port) {
    this(port, randomAddress());
  }

  public ApiClient(int port, String clientAddress) {
    this(port, clientAddress, new CookieManager());
  }

  private ApiClient(int port, String clientAddress, CookieManager cookies) {
    this.base = "http://localhost:" + port;
    this.clientAddress = clientAddress;
    this.cookies = cookies;
    this.http =
        HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
  }

  public static String randomAddress() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
  }

  /**
   * The same client (cookies, address) reaching another node of the platform, as behind a load
   * balancer without sticky sessions.
   */
  public ApiClient onNode(int port) {
    return new ApiClient(port, clientAddress, cookies);
  }

  /** Presents itself as this browser. */
  public ApiClient as(String userAgent) {
    this.userAgent = userAgent;
    return this;
  }

  public ApiClient inEnglish() {
    language = "en";
    return this;
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, Object body) {
    Csrf csrf = csrf();
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .header(csrf.headerName(), csrf.token())
            .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
  }

  public Response put(String path, Object body) {
    Csrf csrf = csrf();
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .header(csrf.headerName(), csrf.token())
            .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
  }

  /** Posts a form without fields (with the CSRF header) and returns the answer's bytes, e.g. a PDF. */
  public HttpResponse<byte[]> download(String path) {
    Csrf csrf = csrf();
    try {
      return http.send(
          request(path).header(csrf.headerName(), csrf.token()).setHeader("Accept", "*/*").POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response delete(String path) {
    Csrf csrf = csrf();
    return send(request(path).header(csrf.headerName(), csrf.token()).DELETE());
  }

  /** A raw request, e.g. without the CSRF header. */
  public Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Waits.BACKGROUND)
        .header("Accept", "application/json")
        .header("Accept-Language", language)
        .header("User-Agent", userAgent)
        .header("X-Forwarded-For", clientAddress);
  }

  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  /** The current session's CSRF token (the call starts a session when there is none). */
  public Csrf csrf() {
    Response answer = get("/api/v1/csrf");
    return new Csrf(answer.text("headerName"), answer.text("token"));
  }

  /** An answer: status, headers and the body as JSON (or null when it is not JSON). */
  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public JsonNode json() {
      return raw.body().isEmpty() ? null : JSON.readTree(raw.body());
    }

    public String text(String field) {
      JsonNode node = json().get(field);
      return node == null || node.isNull() ? null : node.asString();
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }

    @Override
    public String toString() {
      return status() + " " + raw.body();
    }
  }
}
