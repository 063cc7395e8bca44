package org.propusk.federation.internal.clients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.propusk.account.AccountLevel;
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
 * Every client gets the authorization code grant (with refresh tokens for confidential ones), and
 * confidential clients registered for it client credentials too: the token endpoint's other
 * grants then answer {@code unauthorized_client}. What a node read is
 * kept for 30 seconds, since the endpoints look a client up several times per request.
 */
@Component
public class ClientRegistry implements RegisteredClientRepository {

  /** How long a code is good for (SPEC: at most 60 s). */
  public static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
  /** The longest-lived token Propusk signs: a retired signing key stays published a day beyond it. */
  public static final Duration ID_TOKEN_LIFETIME = Duration.ofMinutes(10);
  /** Access tokens are JWTs that stay valid when revoked: short. */
  public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(5);
  /** Client setting: where the client takes back-channel logout tokens; absent when it does not. */
  public static final String BACKCHANNEL_LOGOUT_URI = "settings.client.backchannel-logout-uri";
  /** A refresh token unused this long dies; each rotation starts it again, up to the family's absolute end. */
  public static final Duration REFRESH_TOKEN_IDLE_LIFETIME = Duration.ofHours(1);
  /** Client setting: true when the client may introspect access tokens issued to other clients. */
  public static final String RESOURCE_SERVER = "settings.client.resource-server";

  /**
   * Custom client setting: the {@link ServiceScopes} of the client's own tokens (client
   * credentials), kept apart from {@link RegisteredClient#getScopes()}, which authorization
   * requests may ask for.
   */
  public static final String SERVICE_SCOPES = "settings.client.propusk.service-scopes";

  /** Custom client settings: the agency that runs the portal and what it is, for the consent page. */
  public static final String AGENCY = "settings.client.propusk.agency";
  public static final String DESCRIPTION = "settings.client.propusk.description";

  private static final Duration CACHE = Duration.ofSeconds(30);

  /** Custom client setting: plain authorization requests are refused, only pushed ones (RFC 9126) count. */
  public static final String REQUIRE_PUSHED_REQUESTS = "settings.client.require-pushed-authorization-requests";
  /** Custom client setting: the least account level (an {@link AccountLevel}) the service accepts. */
  public static final String MINIMUM_LEVEL = "settings.client.minimum-level";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Map<String, Cached> byClientId = new ConcurrentHashMap<>();
  /** A client's id never changes; what the client id names is read (and cached) as by client id. */
  private final Map<UUID, String> clientIdsById = new ConcurrentHashMap<>();

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
    // the row mapper of every authorization read asks by id: served from the client-id cache
    String clientId = clientIdsById.get(uuid);
    if (clientId != null) {
      RegisteredClient client = findByClientId(clientId);
      if (client != null && client.getId().equals(id)) {
        return client;
      }
    }
    Optional<RegisteredClient> read = read("id = :key", uuid);
    read.ifPresent(c -> clientIdsById.put(uuid, c.getClientId()));
    return read.orElse(null);
  }

  /** Clients are registered by configuration or by administrators, never by the endpoints. */
  @Override
  public void save(RegisteredClient registeredClient) {
    throw new UnsupportedOperationException("clients are registered through Propusk's configuration or admin pages");
  }

  /** Forgets what this node read, e.g. after the configuration was applied. */
  void forget() {
    byClientId.clear();
  }

  /** Forgets one client, after an administrator changed it; other nodes follow within 30 s. */
  void forget(String clientId) {
    byClientId.remove(clientId);
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
      boolean requirePar,
      AccountLevel minimumLevel,
      String authMethod,
      String jwks,
      String jwksUrl,
      String assertionAlg,
      int version,
      String backchannelLogoutUri,
      boolean resourceServer,
      String agency,
      String description,
      boolean clientCredentials,
      Instant createdAt) {}

  private Optional<RegisteredClient> read(String filter, Object key) {
    return jdbc.sql(
            "select id, client_id, name, confidential, secret_hash, secret_issued_at, require_pkce, consent_required,"
                + " id_token_alg, require_par, minimum_level, auth_method, jwks, jwks_url, assertion_alg, version,"
                + " backchannel_logout_uri, resource_server, agency, description, client_credentials, created_at from federation_client"
                + " where active and " + filter)
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
                    rs.getBoolean("require_par"),
                    AccountLevel.valueOf(rs.getString("minimum_level").toUpperCase(Locale.ROOT)),
                    rs.getString("auth_method"),
                    rs.getString("jwks"),
                    rs.getString("jwks_url"),
                    rs.getString("assertion_alg"),
                    rs.getInt("version"),
                    rs.getString("backchannel_logout_uri"),
                    rs.getBoolean("resource_server"),
                    rs.getString("agency"),
                    rs.getString("description"),
                    rs.getBoolean("client_credentials"),
                    instant(rs.getTimestamp("created_at"))))
        .optional()
        .map(this::toClient);
  }

  private RegisteredClient toClient(Row row) {
    List<String> redirectUris = redirectUris(row.clientId(), "login");
    List<String> postLogoutRedirectUris = redirectUris(row.clientId(), "post_logout");
    List<String> allScopes =
        jdbc.sql("select scope from federation_client_scope where client_id = :id order by scope")
            .param("id", row.clientId())
            .query(String.class)
            .list();
    List<String> scopes = allScopes.stream().filter(scope -> !ServiceScopes.isServiceScope(scope)).toList();
    boolean clientCredentials = row.confidential() && row.clientCredentials();
    ClientSettings.Builder settings =
        ClientSettings.builder()
            // public clients always prove the code with PKCE: they have nothing else
            .requireProofKey(!row.confidential() || row.requirePkce())
            .requireAuthorizationConsent(row.consentRequired())
            .setting(REQUIRE_PUSHED_REQUESTS, row.requirePar())
            .setting(MINIMUM_LEVEL, row.minimumLevel())
            .setting(RESOURCE_SERVER, row.resourceServer())
            .setting(ClientAssertionDecoders.VERSION_SETTING, row.version())
            .setting(
                SERVICE_SCOPES,
                clientCredentials ? allScopes.stream().filter(ServiceScopes::isServiceScope).toList() : List.of());
    if (row.agency() != null) {
      settings.setting(AGENCY, row.agency());
    }
    if (row.description() != null) {
      settings.setting(DESCRIPTION, row.description());
    }
    if (row.backchannelLogoutUri() != null) {
      settings.setting(BACKCHANNEL_LOGOUT_URI, row.backchannelLogoutUri());
    }
    boolean privateKeyJwt = row.confidential() && ClientAuthenticationMethod.PRIVATE_KEY_JWT.getValue().equals(row.authMethod());
    if (privateKeyJwt) {
      settings.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.from(row.assertionAlg()));
      if (row.jwks() != null) {
        settings.setting(ClientAssertionDecoders.JWKS_SETTING, row.jwks());
      } else {
        settings.jwkSetUrl(row.jwksUrl());
      }
    }
    RegisteredClient.Builder client =
        RegisteredClient.withId(row.id().toString())
            .clientId(row.clientId())
            .clientName(row.name())
            .clientIdIssuedAt(row.createdAt())
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUris(uris -> uris.addAll(redirectUris))
            .postLogoutRedirectUris(uris -> uris.addAll(postLogoutRedirectUris))
            .scopes(s -> s.addAll(scopes))
            .clientSettings(settings.build())
            .tokenSettings(
                TokenSettings.builder()
                    .authorizationCodeTimeToLive(CODE_LIFETIME)
                    .accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                    .refreshTokenTimeToLive(REFRESH_TOKEN_IDLE_LIFETIME)
                    // every refresh gives a new refresh token; the old one no longer works
                    .reuseRefreshTokens(false)
                    .idTokenSignatureAlgorithm(SignatureAlgorithm.from(row.idTokenAlg()))
                    .build());
    if (clientCredentials) {
      client.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
    }
    if (privateKeyJwt) {
      client
          .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
          .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
    } else if (row.confidential()) {
      client
          .clientAuthenticationMethod(new ClientAuthenticationMethod(row.authMethod()))
          .clientSecret(row.secretHash())
          .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
    } else {
      client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
    }
    return client.build();
  }

  /** Whether the client sends its authorization requests only through {@code /oauth2/par}. */
  public static boolean requiresPushedRequests(RegisteredClient client) {
    return Boolean.TRUE.equals(client.getClientSettings().getSetting(REQUIRE_PUSHED_REQUESTS));
  }

  /** The scopes the client's own tokens may carry; empty when it is not registered for client credentials. */
  public static List<String> serviceScopes(RegisteredClient client) {
    List<String> scopes = client.getClientSettings().getSetting(SERVICE_SCOPES);
    return scopes == null ? List.of() : scopes;
  }

  /** The least account level the client's service accepts. */
  public static AccountLevel minimumLevel(RegisteredClient client) {
    AccountLevel level = client.getClientSettings().getSetting(MINIMUM_LEVEL);
    return level == null ? AccountLevel.SIMPLIFIED : level;
  }

  private List<String> redirectUris(String clientId, String kind) {
    return jdbc.sql("select uri from federation_client_redirect_uri where client_id = :id and kind = :kind order by uri")
        .param("id", clientId)
        .param("kind", kind)
        .query(String.class)
        .list();
  }

  private static Instant instant(java.sql.Timestamp at) {
    return at == null ? null : at.toInstant();
  }
}
