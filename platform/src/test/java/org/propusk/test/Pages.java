package org.propusk.test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

  /** A file of a multipart form. */
  public record Upload(String field, String fileName, String contentType, byte[] bytes) {}

  /**
   * A multipart form ({@code enctype="multipart/form-data"}) with the session's CSRF token; fields
   * as pairs, so that a name may repeat (checkboxes), and an optional file.
   */
  public static ApiClient.Response multipart(ApiClient client, String path, List<Map.Entry<String, String>> fields, Upload file) {
    String boundary = "----propusk" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
    all.add(Map.entry("_csrf", client.csrf().token()));
    for (Map.Entry<String, String> field : all) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(field.getValue().getBytes(StandardCharsets.UTF_8));
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    if (file != null) {
      body.writeBytes(
          ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\"" + file.fileName()
                  + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.bytes());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return client.send(
        client.request(path)
            .setHeader("Accept", "text/html")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }
}
