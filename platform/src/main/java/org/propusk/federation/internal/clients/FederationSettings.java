package org.propusk.federation.internal.clients;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code propusk.federation}: the key for client secrets and, until the administrators' pages
 * exist, the registered clients themselves (a map by client id, so that profiles add to it).
 * {@code client-secret-post} (default false) lets clients send their secret in the form body and
 * announces it; only the OpenID conformance suite needs that (its client_secret_post module).
 */
@ConfigurationProperties("propusk.federation")
public record FederationSettings(String clientSecretKey, Map<String, ConfiguredClient> clients, boolean clientSecretPost) {

  public FederationSettings {
    clients = clients == null ? Map.of() : Map.copyOf(clients);
  }

  /**
   * A client as configured. {@code confidential} (default true) clients authenticate with their
   * {@code auth-method}, {@code client_secret_basic} unless {@code client_secret_post} is allowed
   * and named: {@code secret-hash} as {@link ClientSecretHasher} writes it, or, in the {@code dev}
   * profile only, the plain {@code secret}. Public clients ({@code none}) must use PKCE.
   * {@code consent-required} defaults to true, which is refused until the consent page exists.
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
      String authMethod) {

    public ConfiguredClient {
      redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
      scopes = scopes == null ? List.of() : List.copyOf(scopes);
      confidential = confidential == null || confidential;
      requirePkce = requirePkce == null || requirePkce;
      consentRequired = consentRequired == null || consentRequired;
      idTokenAlg = idTokenAlg == null ? "ES256" : idTokenAlg;
      authMethod = authMethod != null ? authMethod : confidential ? "client_secret_basic" : "none";
    }
  }
}
