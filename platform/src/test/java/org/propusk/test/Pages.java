package org.propusk.test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A client asking for pages as a browser does: HTML, and forms posted with the session's CSRF token. */
public final class Pages {

  private Pages() {}

  public static ApiClient.Response page(ApiClient client, String path) {
    return client.send(client.request(path).setHeader("Accept", "text/html").GET());
  }

  public static ApiClient.Response form(ApiClient client, String path, Map<String, String> fields) {
    ApiClient.Csrf csrf = client.csrf();
    Map<String, String> all = new HashMap<>(fields);
    all.put("_csrf", csrf.token());
    String body =
        all.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return client.send(
        client.request(path)
            .setHeader("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
