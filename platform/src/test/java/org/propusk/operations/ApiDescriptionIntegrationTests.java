package org.propusk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description that springdoc builds from the controllers and the README's JSON API
 * table name the same calls: a call added to one and not the other fails here.
 */
@PropuskIntegrationTest
class ApiDescriptionIntegrationTests {

  static final Path README = Path.of(System.getProperty("basedir", "."), "..", "README.md");
  /** A row's first cell: {@code `POST /api/v1/session` `{login, ...}`}. */
  static final Pattern ROW = Pattern.compile("(?m)^\\| `(GET|POST|PUT|PATCH|DELETE) (/[^` ]*)`(.*?)\\|");

  @LocalServerPort int port;

  @Test
  void describesExactlyTheCallsOfTheReadmeTable() throws IOException {
    ApiClient.Response description = new ApiClient(port).get("/v3/api-docs");
    assertThat(description.status()).isEqualTo(200);
    assertThat(description.json().get("openapi").asString()).startsWith("3.");
    assertThat(description.json().get("info").get("title").asString()).isEqualTo("Propusk JSON API");

    Set<String> described = new TreeSet<>();
    for (var path : description.json().get("paths").properties()) {
      for (var operation : path.getValue().properties()) {
        described.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + normalised(path.getKey()));
      }
    }

    assertThat(described).isEqualTo(readmeCalls());
  }

  @Test
  void describesTheBodyACallTakes() {
    JsonNode description = new ApiClient(port).get("/v3/api-docs").json();
    JsonNode signIn = description.get("paths").get("/api/v1/session").get("post");
    assertThat(signIn.get("requestBody")).as("the body a sign-in takes").isNotNull();
  }

  /** The calls of the JSON API table; pages listed there for completeness ("(page ...") are not JSON calls. */
  static Set<String> readmeCalls() throws IOException {
    String readme = Files.readString(README);
    String table = readme.substring(readme.indexOf("## JSON API (v1)"), readme.indexOf("\n## ", readme.indexOf("## JSON API (v1)") + 1));
    Set<String> calls = new TreeSet<>();
    Matcher row = ROW.matcher(table);
    while (row.find()) {
      if (!row.group(3).contains("(page")) {
        calls.add(row.group(1) + " " + normalised(row.group(2)));
      }
    }
    assertThat(calls).as("rows found in the README").hasSizeGreaterThan(20);
    return calls;
  }

  /** Path variables compare by position, not by name. */
  static String normalised(String path) {
    return path.replaceAll("\\{[^}]*}", "{}");
  }
}
