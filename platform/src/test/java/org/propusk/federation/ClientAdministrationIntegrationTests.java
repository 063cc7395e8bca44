package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.propusk.test.Pages.multipart;
import static org.propusk.test.Pages.page;
import static org.propusk.test.TestAdministrators.clientForm;
import static org.propusk.test.TestAdministrators.with;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propusk.account.Role;
import org.propusk.account.Roles;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.SecondFactorEnrolment;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestAdministrators;
import org.propusk.test.TestContacts;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Relying parties in the admin pages over HTTP: only administrators who used their second factor
 * get in; a registration's secret is shown once, works at the token endpoint (Nimbus as the
 * relying party) and is stored only as a keyed hash; every bad field is named next to it and
 * nothing is saved; a new secret voids the old one; deactivation ends the client; each change is
 * audited in the administrator's history.
 */
@PropuskIntegrationTest
class ClientAdministrationIntegrationTests {

  static final String PASSWORD = TestAdministrators.PASSWORD;
  private static final Pattern SECRET = Pattern.compile("id=\"client-secret\">([A-Za-z0-9_-]{43})<");

  @LocalServerPort int port;
  @Value("${propusk.public-url}") String issuer;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired Roles roles;
  RelyingParty rp;

  @BeforeEach
  void relyingParty() {
    rp = new RelyingParty(port, issuer, clock);
  }

  @Test
  void aCitizenWhoIsNoAdministratorIsRefusedAndNothingIsSaved() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    SecondFactorEnrolment.turnAppOn(citizen, clock);
    String clientId = TestAdministrators.clientId();

    assertThat(page(citizen, "/admin/clients").status()).isEqualTo(403);
    assertThat(page(citizen, "/admin/clients/new").status()).isEqualTo(403);
    assertThat(multipart(citizen, "/admin/clients/new", clientForm(clientId, "https://rp.example/cb"), null).status()).isEqualTo(403);
    assertThat(count(clientId)).isZero();
    // nobody signed in: the sign-in page
    assertThat(page(new ApiClient(port), "/admin/clients").header("Location")).get().asString().endsWith("/login");
  }

  @Test
  void anAdministratorWhoDidNotUseTheSecondFactorInThisSessionSignsInAgain() {
    String phone = TestContacts.phone();
    ApiClient session = TestAccounts.registerByPhone(port, phone, PASSWORD);
    roles.grant(LoginIdentifier.classify(phone).orElseThrow(), Role.ADMINISTRATOR, UUID.randomUUID());
    SecondFactorEnrolment.turnSmsOn(session);

    ApiClient.Response list = page(session, "/admin/clients");

    assertThat(list.status()).isEqualTo(302);
    assertThat(list.header("Location"))
        .get()
        .asString()
        .endsWith("/login?return=" + URLEncoder.encode("/admin/clients", StandardCharsets.UTF_8) + "&max_age=0");
    assertThat(multipart(session, "/admin/clients/new", clientForm(TestAdministrators.clientId(), "https://rp.example/cb"), null).status())
        .isEqualTo(302);
  }

  @Test
  void aRegisteredClientsSecretIsShownOnceAndWorksAtTheTokenEndpointUntilANewOneIsIssued() throws Exception {
    ApiClient admin = TestAdministrators.administrator(port, roles, clock);
    UUID adminId = UUID.fromString(admin.get("/api/v1/me").text("id"));
    String clientId = TestAdministrators.clientId();
    URI callback = URI.create("https://" + clientId + ".example/callback");

    ApiClient.Response created = multipart(admin, "/admin/clients/new", clientForm(clientId, callback.toString()), png(64, 32));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String secret = secretIn(created);
    UUID id = idOf(clientId);
    // kept only as the keyed hash, never as it is, and never shown again
    String stored = jdbc.sql("select secret_hash from federation_client where id = :id").param("id", id).query(String.class).single();
    assertThat(stored).startsWith("v1$").doesNotContain(secret).doesNotContain("$argon2");
    ApiClient.Response edit = page(admin, "/admin/clients/" + id);
    assertThat(edit.status()).isEqualTo(200);
    assertThat(edit.raw().body()).contains(clientId, "Министерство тестов").doesNotContain(secret);
    assertThat(page(admin, "/admin/clients").raw().body()).contains("Портал " + clientId).doesNotContain(secret);
    assertThat(jdbc.sql("select version from federation_client where id = :id").param("id", id).query(Integer.class).single())
        .isEqualTo(1);

    // the relying party signs a citizen in and gets tokens with that secret
    assertThat(tokens(clientId, callback, secret).indicatesSuccess()).isTrue();

    // a new secret: shown once; the old one stops working at once
    ApiClient.Response renewed = Pages.form(admin, "/admin/clients/" + id + "/secret", Map.of());
    assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
    String newSecret = secretIn(renewed);
    assertThat(newSecret).isNotEqualTo(secret);
    TokenResponse withOld = tokens(clientId, callback, secret);
    assertThat(withOld.indicatesSuccess()).isFalse();
    assertThat(withOld.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
    assertThat(tokens(clientId, callback, newSecret).indicatesSuccess()).isTrue();

    // deactivated: unknown to the provider, its tokens gone
    ApiClient.Response deactivated = Pages.form(admin, "/admin/clients/" + id + "/deactivate", Map.of());
    assertThat(deactivated.status()).isEqualTo(302);
    assertThat(jdbc.sql("select count(*) from oauth2_authorization where registered_client_id = :id").param("id", id.toString())
            .query(Long.class).single()).isZero();
    ApiClient.Response unknown =
        page(new ApiClient(port), RelyingParty.pathOf(rp.authorize(new ClientID(clientId), callback, "openid", new State(), new Nonce(),
            new CodeVerifier(), CodeChallengeMethod.S256).build().toURI()));
    assertThat(unknown.status()).isEqualTo(400);

    // every change in the administrator's history, with the client
    await().atMost(Waits.BACKGROUND).until(() -> audit(adminId).size() == 3);
    assertThat(audit(adminId))
        .containsExactly(
            "RELYING_PARTY_REGISTERED client=" + clientId,
            "CLIENT_SECRET_ISSUED client=" + clientId,
            "RELYING_PARTY_DEACTIVATED client=" + clientId);
  }

  @Test
  void everyBadFieldIsNamedNextToItAndNothingIsSaved() {
    ApiClient admin = TestAdministrators.administrator(port, roles, clock);
    String clientId = TestAdministrators.clientId();
    List<Map.Entry<String, String>> form = clientForm(clientId, "http://rp.example/cb\nhttps://rp.example/cb#part");
    form = with(form, "name", "");
    form = with(form, "postLogoutRedirectUris", "/relative");
    form = with(form, "backchannelLogoutUri", "https://rp.example/logout#x");
    form = with(form, "authMethod", "private_key_jwt");
    form = with(form, "jwks", "{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0\"}]}");
    Pages.Upload svg =
        new Pages.Upload("logo", "logo.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes());

    ApiClient.Response refused = multipart(admin, "/admin/clients/new", form, svg);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.raw().body())
        .contains("id=\"name-error\"", "Заполните поле")
        .contains("id=\"redirectUris-error\"", "Нужен адрес https")
        .contains("id=\"postLogoutRedirectUris-error\"", "Укажите полный адрес")
        .contains("id=\"backchannelLogoutUri-error\"", "часть после «#»")
        .contains("id=\"jwks-error\"", "закрытые или общие секретные ключи")
        .contains("id=\"logo-error\"", "SVG не принимается")
        .contains(clientId); // what was typed stays in the form
    assertThat(count(clientId)).isZero();

    // a pasted private key is refused, not quietly stripped
    ApiClient.Response privateKey =
        multipart(admin, "/admin/clients/new", with(with(clientForm(clientId, "https://rp.example/cb"), "authMethod", "private_key_jwt"),
            "jwks", "{\"keys\":[" + PrivateKeyJwtIntegrationTests.newKey().toJSONString() + "]}"), null);
    assertThat(privateKey.status()).isEqualTo(422);
    assertThat(privateKey.raw().body()).contains("id=\"jwks-error\"");
    // http is for the device itself only, and a fragment never
    ApiClient.Response loopback = multipart(admin, "/admin/clients/new", clientForm(clientId, "http://127.0.0.1:8765/cb"), null);
    assertThat(loopback.status()).as(loopback.toString()).isEqualTo(201);
    ApiClient.Response taken = multipart(admin, "/admin/clients/new", clientForm(clientId, "https://rp.example/cb"), null);
    assertThat(taken.status()).isEqualTo(422);
    assertThat(taken.raw().body()).contains("id=\"clientId-error\"", "уже есть");
    assertThat(count(clientId)).isOne();
  }

  @Test
  void theLogoIsServedAsPngWhateverWasUploaded() throws Exception {
    ApiClient admin = TestAdministrators.administrator(port, roles, clock);
    String clientId = TestAdministrators.clientId();
    assertThat(multipart(admin, "/admin/clients/new", clientForm(clientId, "https://rp.example/cb"), jpeg()).status()).isEqualTo(201);

    HttpResponse<byte[]> logo =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(rp.base() + "/federation/clients/" + idOf(clientId) + "/logo")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

    assertThat(logo.statusCode()).isEqualTo(200);
    assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(logo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(logo.body()));
    assertThat(image.getWidth()).isEqualTo(40);
    assertThat(new ApiClient(port).get("/federation/clients/" + UUID.randomUUID() + "/logo").status()).isEqualTo(404);
  }

  @Test
  void clientsFromConfigurationAreNotChangedHere() {
    ApiClient admin = TestAdministrators.administrator(port, roles, clock);
    UUID configured = idOf("test-rp");
    assertThat(page(admin, "/admin/clients").raw().body()).contains("test-rp", "Из настроек");

    ApiClient.Response refused = Pages.form(admin, "/admin/clients/" + configured + "/secret", Map.of());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.raw().body()).contains("задан в настройках");
    assertThat(Pages.form(admin, "/admin/clients/" + configured + "/deactivate", Map.of()).status()).isEqualTo(409);
    assertThat(jdbc.sql("select active from federation_client where id = :id").param("id", configured).query(Boolean.class).single()).isTrue();
  }

  // --- helpers

  private TokenResponse tokens(String clientId, URI callback, String secret) throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    CodeVerifier verifier = new CodeVerifier();
    URI back =
        rp.signIn(
            new ApiClient(port),
            rp.authorize(new ClientID(clientId), callback, "openid", new State(), new Nonce(), verifier, CodeChallengeMethod.S256).build(),
            phone,
            PASSWORD,
            null,
            clock);
    AuthorizationCode code = AuthorizationResponse.parse(back).toSuccessResponse().getAuthorizationCode();
    return rp.tokens(new ClientSecretBasic(new ClientID(clientId), new Secret(secret)), code, callback, verifier);
  }

  private static String secretIn(ApiClient.Response answer) {
    Matcher secret = SECRET.matcher(answer.raw().body());
    assertThat(secret.find()).as(answer.raw().body()).isTrue();
    return secret.group(1);
  }

  private UUID idOf(String clientId) {
    return jdbc.sql("select id from federation_client where client_id = :id").param("id", clientId).query(UUID.class).single();
  }

  private long count(String clientId) {
    return jdbc.sql("select count(*) from federation_client where client_id = :id").param("id", clientId).query(Long.class).single();
  }

  private List<String> audit(UUID accountId) {
    return jdbc.sql("select kind, details from audit_event where account_id = :id and kind in ('RELYING_PARTY_REGISTERED',"
            + " 'RELYING_PARTY_CHANGED', 'RELYING_PARTY_DEACTIVATED', 'CLIENT_SECRET_ISSUED') order by seq")
        .param("id", accountId)
        .query((rs, n) -> rs.getString("kind") + " " + rs.getString("details"))
        .list();
  }

  static Pages.Upload png(int width, int height) throws Exception {
    return new Pages.Upload("logo", "logo.png", "image/png", picture(width, height, "png"));
  }

  private static Pages.Upload jpeg() throws Exception {
    return new Pages.Upload("logo", "logo.jpg", "image/jpeg", picture(40, 20, "jpg"));
  }

  private static byte[] picture(int width, int height, String format) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0x1f5fa8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, format, bytes);
    return bytes.toByteArray();
  }
}
