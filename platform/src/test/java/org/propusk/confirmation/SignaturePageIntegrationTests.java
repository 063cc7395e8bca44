package org.propusk.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.VerifiedProfiles;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The signature page over plain HTTP: the challenge downloads byte for byte, and hostile uploads
 * (garbage, an empty file, a file over the size, a challenge that is not one) are answered on the
 * page with their reason, never with a server error.
 */
@PropuskIntegrationTest
class SignaturePageIntegrationTests {

  static final String PASSWORD = "тёплый-ветер-над-рекой-23";
  static final String PAGE = "/account/confirmation-ways/signature";

  @LocalServerPort int port;

  @Test
  void downloadsTheChallengeAndRefusesBadUploadsOnThePage() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    VerifiedProfiles.verify(citizen);
    ApiClient.Response challenge = citizen.post("/api/v1/confirmation/signature/challenge", Map.of());
    String id = challenge.text("id");

    ApiClient.Response file = citizen.send(citizen.request(PAGE + "/" + id + "/challenge.txt").header("Accept", "*/*").GET());
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.raw().body()).isEqualTo(challenge.text("challenge"));
    assertThat(file.header("Content-Disposition").orElseThrow()).contains("attachment");
    assertThat(citizen.send(citizen.request(PAGE + "/" + UUID.randomUUID() + "/challenge.txt").GET()).status()).isEqualTo(404);
    assertThat(citizen.send(citizen.request(PAGE + "/not-a-uuid/challenge.txt").GET()).status()).isEqualTo(400);

    ApiClient.Response garbage = upload(citizen, id, "garbage.p7s", "MII\u0000\u00ff junk".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(garbage.status()).isEqualTo(422);
    assertThat(garbage.raw().body()).contains("id=\"signature-error\"").contains("Это не электронная подпись");

    ApiClient.Response empty = upload(citizen, id, null, null);
    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.raw().body()).contains("Загрузите файл подписи или вставьте её текстом");

    ApiClient.Response huge = upload(citizen, id, "huge.sig", new byte[200 * 1024]);
    assertThat(huge.status()).isEqualTo(422);
    assertThat(huge.raw().body()).contains("Файл слишком большой");

    ApiClient.Response unknown = upload(citizen, UUID.randomUUID().toString(), "x.sig", new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.raw().body()).contains("Такого запроса нет").doesNotContain("Exception");

    assertThat(citizen.get("/api/v1/me").text("level")).isEqualTo("standard");
  }

  /** A multipart form post as the page sends it; no file part when {@code name} is null. */
  private static ApiClient.Response upload(ApiClient citizen, String challengeId, String name, byte[] content) {
    String boundary = "----propusk" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"challengeId\"\r\n\r\n" + challengeId + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    if (name != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"pasted\"\r\n\r\n\r\n--" + boundary + "--\r\n")
        .getBytes(StandardCharsets.UTF_8));
    ApiClient.Csrf csrf = citizen.csrf();
    return citizen.send(
        citizen.request(PAGE)
            .header("Accept", "text/html")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header(csrf.headerName(), csrf.token())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }
}
