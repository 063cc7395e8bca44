package org.propusk.federation.internal.clients;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.propusk.shared.DbTime;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.propusk.account.AccountLevel;
import java.util.HashMap;
import java.util.List;
import org.propusk.federation.internal.claims.ClaimCatalogue;
import org.propusk.federation.internal.keys.SigningKeys;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the clients of {@code propusk.federation.clients} into the tables at every start, so that
 * the configuration is what holds (until administrators register clients in their pages). Several
 * nodes may start at once: the unique client id decides who inserts, the others update to the same
 * values. A plain secret is accepted in the {@code dev} profile only; elsewhere the configuration
 * holds its hash, so that neither files nor the database hold a usable secret.
 */
@Component
class ConfiguredClients implements InitializingBean {

  private final FederationSettings settings;
  private final ClientSecretHasher hasher;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ClientRegistry registry;
  private final Environment environment;
  private final Clock clock;

  ConfiguredClients(
      FederationSettings settings,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      ClientRegistry registry,
      Environment environment,
      Clock clock) {
    this.settings = settings;
    // the same key as the client authentication's hasher; neither is a bean (see ClientSecretHasher)
    this.hasher = new ClientSecretHasher(settings.clientSecretKey());
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.registry = registry;
    this.environment = environment;
    this.clock = clock;
  }

  @Override
  public void afterPropertiesSet() {
    settings.clients().forEach((clientId, client) -> transactions.executeWithoutResult(status -> apply(clientId, client)));
    registry.forget();
  }

  private void apply(String clientId, FederationSettings.ConfiguredClient client) {
    check(clientId, client);
    checkAuthMethod(clientId, client);
    Instant now = clock.instant();
    String secretHash = client.confidential() ? secretHash(clientId, client) : null;
    Map<String, Object> values =
        Map.of(
            "clientId", clientId,
            "name", client.name() == null ? clientId : client.name(),
            "confidential", client.confidential(),
            "requirePkce", client.requirePkce(),
            "consentRequired", client.consentRequired(),
            "idTokenAlg", client.idTokenAlg(),
            "requirePar", client.requirePar(),
            "minimumLevel", client.minimumLevel(),
            "authMethod", client.authMethod(),
            "now", DbTime.of(now));
    // values that may be absent (Map.of takes no nulls)
    Map<String, Object> optional = new HashMap<>();
    optional.put("agency", client.agency());
    optional.put("description", client.description());
    optional.put("backchannelLogoutUri", client.backchannelLogoutUri());
    optional.put("resourceServer", client.resourceServer());
    optional.put("homeUrl", client.homeUrl());
    optional.put("clientCredentials", client.clientCredentials());
    java.util.List<String> stored =
        jdbc.sql("select secret_hash from federation_client where client_id = :clientId")
            .param("clientId", clientId)
            .query((rs, n) -> rs.getString(1))
            .list();
    if (stored.isEmpty()) {
      try {
        jdbc.sql(
                "insert into federation_client (id, client_id, name, confidential, secret_hash, secret_issued_at,"
                    + " require_pkce, consent_required, id_token_alg, require_par, minimum_level, auth_method,"
                    + " backchannel_logout_uri, resource_server, agency, description, home_url, client_credentials,"
                    + " active, created_at, updated_at)"
                    + " values (:id, :clientId, :name, :confidential, :secretHash, :now, :requirePkce, :consentRequired,"
                    + " :idTokenAlg, :requirePar, :minimumLevel, :authMethod, :backchannelLogoutUri, :resourceServer,"
                    + " :agency, :description, :homeUrl, :clientCredentials, true, :now, :now)")
            .params(values)
            .params(optional)
            .param("id", UUID.randomUUID())
            .param("secretHash", secretHash)
            .update();
      } catch (DuplicateKeyException anotherNodeWasFirst) {
        // it inserted the same configuration
        return;
      }
    } else {
      // a plain dev secret hashes differently every time: keep the stored hash while it still matches
      String existingHash = stored.get(0);
      String keep =
          client.secret() != null && hasher.matches(client.secret(), existingHash) ? existingHash : secretHash;
      jdbc.sql(
              "update federation_client set name = :name, confidential = :confidential, secret_hash = :secretHash,"
                  + " require_pkce = :requirePkce, consent_required = :consentRequired, id_token_alg = :idTokenAlg,"
                  + " require_par = :requirePar, minimum_level = :minimumLevel, auth_method = :authMethod,"
                  + " backchannel_logout_uri = :backchannelLogoutUri, resource_server = :resourceServer,"
                  + " agency = :agency, description = :description, home_url = :homeUrl,"
                  + " client_credentials = :clientCredentials, active = true, updated_at = :now"
                  + " where client_id = :clientId")
          .params(values)
          .params(optional)
          .param("secretHash", keep)
          .update();
    }
    jdbc.sql("delete from federation_client_redirect_uri where client_id = :clientId").param("clientId", clientId).update();
    jdbc.sql("delete from federation_client_scope where client_id = :clientId").param("clientId", clientId).update();
    client.redirectUris().forEach(
        uri ->
            jdbc.sql("insert into federation_client_redirect_uri (client_id, kind, uri) values (:clientId, 'login', :uri)")
                .param("clientId", clientId)
                .param("uri", uri)
                .update());
    client.postLogoutRedirectUris().forEach(
        uri ->
            jdbc.sql(
                    "insert into federation_client_redirect_uri (client_id, kind, uri) values (:clientId, 'post_logout', :uri)")
                .param("clientId", clientId)
                .param("uri", uri)
                .update());
    client.scopes().forEach(
        scope ->
            jdbc.sql("insert into federation_client_scope (client_id, scope) values (:clientId, :scope)")
                .param("clientId", clientId)
                .param("scope", scope)
                .update());
  }

  private String secretHash(String clientId, FederationSettings.ConfiguredClient client) {
    if (client.secretHash() != null) {
      if (!ClientSecretHasher.isHash(client.secretHash())) {
        throw new IllegalStateException("client " + clientId + ": secret-hash is not v1$<salt>$<64 hex digits>");
      }
      return client.secretHash();
    }
    if (client.secret() == null) {
      throw new IllegalStateException("client " + clientId + " is confidential: give its secret-hash");
    }
    if (!environment.matchesProfiles("dev")) {
      throw new IllegalStateException("client " + clientId + ": a plain secret is for the dev profile only; give secret-hash");
    }
    return hasher.encode(client.secret());
  }

  private static boolean secureOrLoopback(URI uri) {
    return "https".equals(uri.getScheme())
        || ("http".equals(uri.getScheme()) && List.of("127.0.0.1", "[::1]", "localhost").contains(uri.getHost()));
  }

  private void checkAuthMethod(String clientId, FederationSettings.ConfiguredClient client) {
    boolean allowed =
        client.confidential()
            ? client.authMethod().equals("client_secret_basic")
                || client.authMethod().equals("client_secret_post") && settings.clientSecretPost()
            : client.authMethod().equals("none");
    if (!allowed) {
      throw new IllegalStateException(
          "client " + clientId + ": auth-method " + client.authMethod() + " is not for a "
              + (client.confidential() ? "confidential" : "public") + " client here (client_secret_post needs"
              + " propusk.federation.client-secret-post)");
    }
  }

  private static void check(String clientId, FederationSettings.ConfiguredClient client) {
    if (!clientId.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new IllegalStateException("client id " + clientId + ": letters, digits, '.', '_' and '-' only");
    }
    if (client.redirectUris().isEmpty()) {
      throw new IllegalStateException("client " + clientId + " has no redirect-uris");
    }
    List<String> uris = new java.util.ArrayList<>(client.redirectUris());
    uris.addAll(client.postLogoutRedirectUris());
    if (client.backchannelLogoutUri() != null) {
      uris.add(client.backchannelLogoutUri());
    }
    for (String uri : uris) {
      URI parsed = URI.create(uri);
      if (!parsed.isAbsolute() || parsed.getRawFragment() != null) {
        throw new IllegalStateException("client " + clientId + ": URI " + uri + " must be absolute, without fragment");
      }
    }
    if (client.backchannelLogoutUri() != null && !secureOrLoopback(URI.create(client.backchannelLogoutUri()))) {
      // logout tokens name the account and session: not over plain http to another machine
      throw new IllegalStateException("client " + clientId + ": backchannel-logout-uri must be https (or http on loopback)");
    }
    if (client.homeUrl() != null && !client.homeUrl().matches("https?://[^\\s]+")) {
      throw new IllegalStateException("client " + clientId + ": home-url must be an http(s) address");
    }
    if (!client.scopes().contains("openid")) {
      throw new IllegalStateException("client " + clientId + ": scopes must include openid");
    }
    if (SigningKeys.ALGORITHMS.stream().noneMatch(alg -> alg.getName().equals(client.idTokenAlg()))) {
      throw new IllegalStateException("client " + clientId + ": id-token-alg must be ES256 or RS256");
    }
    if (Arrays.stream(AccountLevel.values())
        .noneMatch(level -> level.apiName().equals(client.minimumLevel()))) {
      throw new IllegalStateException("client " + clientId + ": minimum-level must be simplified, standard or confirmed");
    }
    List<String> unknown =
        client.scopes().stream()
            .filter(s -> !ClaimCatalogue.scopes().contains(s) && !ServiceScopes.isServiceScope(s))
            .toList();
    if (!unknown.isEmpty()) {
      throw new IllegalStateException(
          "client " + clientId + ": scopes " + unknown + " are neither in the claim catalogue nor service scopes (api, api:<name>)");
    }
    if (client.clientCredentials() && !client.confidential()) {
      throw new IllegalStateException("client " + clientId + ": client-credentials is for confidential clients only");
    }
    if (!client.clientCredentials() && client.scopes().stream().anyMatch(ServiceScopes::isServiceScope)) {
      throw new IllegalStateException("client " + clientId + ": service scopes (api, api:<name>) need client-credentials: true");
    }
  }
}
