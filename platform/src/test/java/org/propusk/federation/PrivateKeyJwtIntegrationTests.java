package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propusk.test.Pages.multipart;
import static org.propusk.test.TestAdministrators.clientForm;
import static org.propusk.test.TestAdministrators.with;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propusk.account.Roles;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.RelyingParty;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestAdministrators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code private_key_jwt} (RFC 7523) for a client registered in the admin pages with its public
 * keys pasted: Nimbus's {@link PrivateKeyJWT} gets tokens; the same assertion a second time, one
 * signed with another key, one for another audience, one that lives too long, and a secret are all
 * refused; a change of keys counts at once; {@code client_secret_post} stays refused.
 */
@PropuskIntegrationTest
class PrivateKeyJwtIntegrationTests {

  static final String PASSWORD = TestAdministrators.PASSWORD;

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

  static ECKey newKey() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void discoveryAnnouncesPrivateKeyJwtAndItsAlgorithms() {
    JsonNode metadata = new ApiClient(port).get("/.well-known/openid-configuration").json();

    assertThat(texts(metadata, "token_endpoint_auth_methods_supported")).containsExactly("client_secret_basic", "private_key_jwt", "none");
    assertThat(texts(metadata, "token_endpoint_auth_signing_alg_values_supported")).containsExactly("ES256", "RS256", "PS256");
  }

  @Test
  void aClientWithPastedKeysAuthenticatesWithASignedAssertionEachUsedOnce() throws Exception {
    ECKey key = newKey();
    ClientID client = register(key);

    PrivateKeyJWT assertion = assertion(client, key, Duration.ofMinutes(2), tokenEndpoint());
    TokenResponse tokens = tokens(client, assertion);
    assertThat(tokens.indicatesSuccess()).as(() -> tokens.toErrorResponse().getErrorObject().toString()).isTrue();
    assertThat(((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken()).isNotNull();

    // the same assertion again, with a fresh code: refused
    assertThat(error(tokens(client, assertion))).isEqualTo("invalid_client");
    // signed with a key the client did not register
    assertThat(error(tokens(client, assertion(client, newKey(), Duration.ofMinutes(2), tokenEndpoint())))).isEqualTo("invalid_client");
    // for another server
    assertThat(error(tokens(client, assertion(client, key, Duration.ofMinutes(2), URI.create("https://other.example/token")))))
        .isEqualTo("invalid_client");
    // valid far longer than a single request needs
    assertThat(error(tokens(client, assertion(client, key, Duration.ofHours(1), tokenEndpoint())))).isEqualTo("invalid_client");
    // expired by the platform's clock
    PrivateKeyJWT shortLived = assertion(client, key, Duration.ofSeconds(30), tokenEndpoint());
    clock.advance(Duration.ofMinutes(1));
    assertThat(error(tokens(client, shortLived))).isEqualTo("invalid_client");
    // a secret is no way in for this client
    assertThat(error(tokens(client, new ClientSecretBasic(client, new Secret("any-secret-0123456789"))))).isEqualTo("invalid_client");
    // the issuer itself is an accepted audience too
    assertThat(tokens(client, assertion(client, key, Duration.ofMinutes(2), URI.create(issuer))).indicatesSuccess()).isTrue();
  }

  @Test
  void ofParallelRequestsWithOneAssertionOnlyOneIsAccepted() throws Exception {
    ECKey key = newKey();
    ClientID client = register(key);
    List<Code> codes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      codes.add(code(client, callbackOf(client)));
    }
    PrivateKeyJWT assertion = assertion(client, key, Duration.ofMinutes(2), tokenEndpoint());

    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<TokenResponse>> answers =
        codes.stream()
            .map(
                code ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            start.await();
                            return rp.tokens(assertion, code.code(), callbackOf(client), code.verifier());
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                        }))
            .toList();
    start.countDown();

    List<TokenResponse> done = answers.stream().map(CompletableFuture::join).toList();
    assertThat(done).filteredOn(TokenResponse::indicatesSuccess).hasSize(1);
    assertThat(done).filteredOn(answer -> !answer.indicatesSuccess()).extracting(PrivateKeyJwtIntegrationTests::error)
        .containsOnly("invalid_client");
  }

  @Test
  void newKeysCountAtOnceAndTheOldOnesNoMore() throws Exception {
    ApiClient admin = TestAdministrators.administrator(port, roles, clock);
    ECKey old = newKey();
    ClientID client = register(admin, old);
    assertThat(tokens(client, assertion(client, old, Duration.ofMinutes(2), tokenEndpoint())).indicatesSuccess()).isTrue();

    ECKey next = newKey();
    UUID id = jdbc.sql("select id from federation_client where client_id = :id").param("id", client.getValue()).query(UUID.class).single();
    ApiClient.Response changed =
        multipart(admin, "/admin/clients/" + id, keyForm(client, next), null);
    assertThat(changed.status()).as(changed.toString()).isEqualTo(302);

    assertThat(error(tokens(client, assertion(client, old, Duration.ofMinutes(2), tokenEndpoint())))).isEqualTo("invalid_client");
    assertThat(tokens(client, assertion(client, next, Duration.ofMinutes(2), tokenEndpoint())).indicatesSuccess()).isTrue();
    assertThat(jdbc.sql("select version from federation_client where id = :id").param("id", id).query(Integer.class).single()).isEqualTo(2);
  }

  @Test
  void clientSecretPostIsRefusedForAClientRegisteredWithBasic() throws Exception {
    TokenResponse refused = tokensFor(RelyingParty.RP, RelyingParty.RP_CALLBACK, new ClientSecretPost(RelyingParty.RP, RelyingParty.RP_SECRET));

    assertThat(error(refused)).isEqualTo("invalid_client");
  }

  // --- helpers

  private ClientID register(ECKey key) {
    return register(TestAdministrators.administrator(port, roles, clock), key);
  }

  private ClientID register(ApiClient admin, ECKey key) {
    ClientID client = new ClientID(TestAdministrators.clientId());
    ApiClient.Response created = multipart(admin, "/admin/clients/new", keyForm(client, key), null);
    // no secret to show: straight to the client's page
    assertThat(created.status()).as(created.toString()).isEqualTo(302);
    return client;
  }

  private static List<Map.Entry<String, String>> keyForm(ClientID client, ECKey key) {
    var form = clientForm(client.getValue(), callbackOf(client).toString());
    form = with(form, "authMethod", "private_key_jwt");
    return with(form, "jwks", new JWKSet(key.toPublicJWK()).toString());
  }

  private static URI callbackOf(ClientID client) {
    return URI.create("https://" + client.getValue() + ".example/callback");
  }

  private URI tokenEndpoint() {
    return URI.create(issuer + "/oauth2/token");
  }

  /** An assertion timed by the platform's clock (which tests move), not the wall clock. */
  private PrivateKeyJWT assertion(ClientID client, ECKey key, Duration lifetime, URI audience) throws Exception {
    JWTAuthenticationClaimsSet claims =
        new JWTAuthenticationClaimsSet(
            client,
            List.of(new Audience(audience)),
            Date.from(clock.instant().plus(lifetime)),
            null,
            Date.from(clock.instant()),
            new JWTID());
    return new PrivateKeyJWT(claims, JWSAlgorithm.ES256, key.toECPrivateKey(), key.getKeyID(), null);
  }

  private TokenResponse tokens(ClientID client, ClientAuthentication authentication) throws Exception {
    return tokensFor(client, callbackOf(client), authentication);
  }

  private TokenResponse tokensFor(ClientID client, URI callback, ClientAuthentication authentication) throws Exception {
    Code code = code(client, callback);
    return rp.tokens(authentication, code.code(), callback, code.verifier());
  }

  private record Code(AuthorizationCode code, CodeVerifier verifier) {}

  /** A new citizen signs in to the client, which gets a code. */
  private Code code(ClientID client, URI callback) throws Exception {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    CodeVerifier verifier = new CodeVerifier();
    URI back =
        rp.signIn(
            new ApiClient(port),
            rp.authorize(client, callback, "openid", new State(), new Nonce(), verifier, CodeChallengeMethod.S256).build(),
            phone,
            PASSWORD,
            null,
            clock);
    return new Code(AuthorizationResponse.parse(back).toSuccessResponse().getAuthorizationCode(), verifier);
  }

  private static String error(TokenResponse answer) {
    assertThat(answer.indicatesSuccess()).isFalse();
    return answer.toErrorResponse().getErrorObject().getCode();
  }

  private static List<String> texts(JsonNode node, String field) {
    return node.get(field).valueStream().map(JsonNode::asString).toList();
  }
}
