package org.propusk.federation.internal.clients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The registered clients, read from Propusk's tables (not Spring's {@code oauth2_registered_client},
 * which joins redirect URIs with commas and has no place for what Propusk keeps about a client).
 * Every client gets the authorization code grant only (with refresh tokens for confidential ones):
 * the token endpoint's other grants then answer {@code unauthorized_client}. What a node read is
 * kept for 30 seconds, since the endpoints look a client up several times per request.
 */
@Component
public class ClientRegistry implements RegisteredClientRepository {

  /** How long a code is good for (SPEC: at most 60 s). */
  public static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
  /** Access tokens are JWTs that stay valid when revoked: short. */
  public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(5);

  private static final Duration CACHE = Duration.ofSeconds(30);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Map<String, Cached> byClientId = new ConcurrentHashMap<>();

  private record Cached(RegisteredClient client, Instant readAt) {}

  ClientRegistry(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    Instant now = clock.instant();
    Cached cached = byClientId.get(clientId);
    if (cached != null && !cached.readAt().plus(CACHE).isBefore(now) && !cached.readAt().isAfter(now)) {
      return cached.client();
    }
    Optional<RegisteredClient> read = read("client_id = :key", clientId);
    read.ifPresentOrElse(c -> byClientId.put(clientId, new Cached(c, now)), () -> byClientId.remove(clientId));
    return read.orElse(null);
  }

  @Override
  public RegisteredClient findById(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException notOurs) {
      return null;
    }
    return read("id = :key", uuid).orElse(null);
  }

  /** Clients are registered by configuration (later by administrators), never by the endpoints. */
  @Override
  public void save(RegisteredClient registeredClient) {
    throw new UnsupportedOperationException("clients are registered through Propusk's configuration");
  }

  /** Forgets what this node read, e.g. after the configuration was applied. */
  void forget() {
    byClientId.clear();
  }

  private record Row(
      UUID id,
      String clientId,
      String name,
      boolean confidential,
      String secretHash,
      Instant secretIssuedAt,
      boolean requirePkce,
      boolean consentRequired,
      String idTokenAlg,
      String authMethod,
      Instant createdAt) {}

  private Optional<RegisteredClient> read(String filter, Object key) {
    return jdbc.sql(
            "select id, client_id, name, confidential, secret_hash, secret_issued_at, require_pkce, consent_required,"
                + " id_token_alg, auth_method, created_at from federation_client where active and " + filter)
        .param("key", key)
        .query(
            (rs, n) ->
                new Row(
                    rs.getObject("id", UUID.class),
                    rs.getString("client_id"),
                    rs.getString("name"),
                    rs.getBoolean("confidential"),
                    rs.getString("secret_hash"),
                    instant(rs.getTimestamp("secret_issued_at")),
                    rs.getBoolean("require_pkce"),
                    rs.getBoolean("consent_required"),
                    rs.getString("id_token_alg"),
                    rs.getString("auth_method"),
                    instant(rs.getTimestamp("created_at"))))
        .optional()
        .map(this::toClient);
  }

  private RegisteredClient toClient(Row row) {
    List<String> redirectUris =
        jdbc.sql("select uri from federation_client_redirect_uri where client_id = :id and kind = 'login' order by uri")
            .param("id", row.clientId())
            .query(String.class)
            .list();
    List<String> scopes =
        jdbc.sql("select scope from federation_client_scope where client_id = :id order by scope")
            .param("id", row.clientId())
            .query(String.class)
            .list();
    RegisteredClient.Builder client =
        RegisteredClient.withId(row.id().toString())
            .clientId(row.clientId())
            .clientName(row.name())
            .clientIdIssuedAt(row.createdAt())
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUris(uris -> uris.addAll(redirectUris))
            .scopes(s -> s.addAll(scopes))
            .clientSettings(
                ClientSettings.builder()
                    // public clients always prove the code with PKCE: they have nothing else
                    .requireProofKey(!row.confidential() || row.requirePkce())
                    .requireAuthorizationConsent(row.consentRequired())
                    .build())
            .tokenSettings(
                TokenSettings.builder()
                    .authorizationCodeTimeToLive(CODE_LIFETIME)
                    .accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                    // every refresh gives a new refresh token; the old one no longer works
                    .reuseRefreshTokens(false)
                    .idTokenSignatureAlgorithm(SignatureAlgorithm.from(row.idTokenAlg()))
                    .build());
    if (row.confidential()) {
      client
          .clientAuthenticationMethod(new ClientAuthenticationMethod(row.authMethod()))
          .clientSecret(row.secretHash())
          .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
    } else {
      client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
    }
    return client.build();
  }

  private static Instant instant(java.sql.Timestamp at) {
    return at == null ? null : at.toInstant();
  }
}
