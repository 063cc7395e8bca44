package org.propusk.federation.internal.clients;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code propusk.federation}: the key for client secrets, how long a refresh token family may live
 * at most ({@code refresh-absolute}, 12 h like a session; rotation does not extend it), how often
 * the signing keys rotate ({@code key-rotation}, 90 days) and, until the administrators' pages
 * exist, the registered clients themselves (a map by client id, so that profiles add to it).
 * {@code client-secret-post} (default false) lets clients send their secret in the form body and
 * announces it; only the OpenID conformance suite needs that (its client_secret_post module).
 */
@ConfigurationProperties("propusk.federation")
public record FederationSettings(
    String clientSecretKey,
    Duration refreshAbsolute,
    Duration keyRotation,
    Map<String, ConfiguredClient> clients,
    boolean clientSecretPost) {

  public FederationSettings {
    refreshAbsolute = refreshAbsolute == null ? Duration.ofHours(12) : refreshAbsolute;
    keyRotation = keyRotation == null ? Duration.ofDays(90) : keyRotation;
    clients = clients == null ? Map.of() : Map.copyOf(clients);
  }

  /**
   * A client as configured. {@code confidential} (default true) clients authenticate with their
   * {@code auth-method}, {@code client_secret_basic} unless {@code client_secret_post} is allowed
   * and named: {@code secret-hash} as {@link ClientSecretHasher} writes it, or, in the {@code dev}
   * profile only, the plain {@code secret}. Public clients ({@code none}) must use PKCE.
   * {@code consent-required} defaults to true: the citizen allows the portal's scopes on Propusk's
   * consent page. {@code agency} and {@code description} are shown there and in the services
   * catalogue, with {@code home-url} (the service's start page).
   * {@code require-par} (false) admits only pushed authorization requests; {@code minimum-level}
   * ({@code simplified}, {@code standard} or {@code confirmed}; default simplified) is the least
   * account level the service accepts; {@code resource-server} (default false) lets the client
   * introspect access tokens issued to other clients.
   * {@code post-logout-redirect-uris} are where {@code /connect/logout} may send the citizen back
   * (exact match); {@code backchannel-logout-uri} takes logout tokens (always with {@code sid})
   * when a session ends.
   * {@code client-credentials} (default false) lets a confidential client get tokens for itself
   * (the client credentials grant), carrying its {@link ServiceScopes} ({@code api},
   * {@code api:<name>}), which are listed under {@code scopes} beside the citizen scopes.
   */
  public record ConfiguredClient(
      String name,
      List<String> redirectUris,
      List<String> scopes,
      Boolean confidential,
      String secret,
      String secretHash,
      Boolean requirePkce,
      Boolean consentRequired,
      String idTokenAlg,
      Boolean requirePar,
      String minimumLevel,
      List<String> postLogoutRedirectUris,
      String backchannelLogoutUri,
      Boolean resourceServer,
      String agency,
      String description,
      String homeUrl,
      String authMethod,
      Boolean clientCredentials) {

    public ConfiguredClient {
      postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
      redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
      scopes = scopes == null ? List.of() : List.copyOf(scopes);
      confidential = confidential == null || confidential;
      requirePkce = requirePkce == null || requirePkce;
      consentRequired = consentRequired == null || consentRequired;
      idTokenAlg = idTokenAlg == null ? "ES256" : idTokenAlg;
      requirePar = requirePar != null && requirePar;
      minimumLevel = minimumLevel == null ? "simplified" : minimumLevel;
      resourceServer = resourceServer != null && resourceServer;
      authMethod = authMethod != null ? authMethod : confidential ? "client_secret_basic" : "none";
      clientCredentials = clientCredentials != null && clientCredentials;
    }
  }
}
