package org.propusk.federation.internal.clients;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code propusk.federation}: the key for client secrets and, until the administrators' pages
 * exist, the registered clients themselves (a map by client id, so that profiles add to it).
 */
@ConfigurationProperties("propusk.federation")
public record FederationSettings(String clientSecretKey, Map<String, ConfiguredClient> clients) {

  public FederationSettings {
    clients = clients == null ? Map.of() : Map.copyOf(clients);
  }

  /**
   * A client as configured. {@code confidential} (default true) clients authenticate with
   * {@code client_secret_basic}: {@code secret-hash} as {@link ClientSecretHasher} writes it, or,
   * in the {@code dev} profile only, the plain {@code secret}. Public clients must use PKCE.
   * {@code consent-required} defaults to true, which is refused until the consent page exists.
   * {@code agency}, {@code description}, {@code minimum-level} (default simplified) and {@code
   * home-url} (its start page) are what the services catalogue shows of it.
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
      String agency,
      String description,
      String minimumLevel,
      String homeUrl) {

    public ConfiguredClient {
      redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
      scopes = scopes == null ? List.of() : List.copyOf(scopes);
      confidential = confidential == null || confidential;
      requirePkce = requirePkce == null || requirePkce;
      consentRequired = consentRequired == null || consentRequired;
      idTokenAlg = idTokenAlg == null ? "ES256" : idTokenAlg;
      minimumLevel = minimumLevel == null ? "simplified" : minimumLevel;
    }
  }
}
