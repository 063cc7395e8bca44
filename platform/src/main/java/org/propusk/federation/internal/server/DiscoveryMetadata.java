package org.propusk.federation.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.server.authorization.oidc.OidcProviderConfiguration;

/**
 * {@code /.well-known/openid-configuration} as Propusk is: Spring's defaults advertise grants,
 * client authentication methods and features that Propusk does not offer (client credentials,
 * token exchange, mutual TLS, DPoP, RS256 only), and endpoints not built yet (introspection and
 * RP-initiated logout, which {@link NotOfferedYet} also closes). Only what works is announced.
 */
final class DiscoveryMetadata {

  static final List<String> GRANT_TYPES = List.of("authorization_code", "refresh_token");
  static final List<String> CLIENT_AUTHENTICATION = List.of("client_secret_basic", "none");
  static final List<String> ID_TOKEN_ALGORITHMS = List.of("ES256", "RS256");

  private DiscoveryMetadata() {}

  /** {@code clientSecretPost}: whether clients may be registered with {@code client_secret_post}. */
  static void apply(OidcProviderConfiguration.Builder metadata, boolean clientSecretPost) {
    metadata.claims(claims -> apply(claims, clientSecretPost));
  }

  static void apply(Map<String, Object> claims, boolean clientSecretPost) {
    List<String> clientAuthentication = new ArrayList<>(CLIENT_AUTHENTICATION);
    if (clientSecretPost) {
      clientAuthentication.add(1, "client_secret_post");
    }
    claims.put("grant_types_supported", GRANT_TYPES);
    claims.put("token_endpoint_auth_methods_supported", clientAuthentication);
    claims.put("revocation_endpoint_auth_methods_supported", clientAuthentication);
    claims.put("id_token_signing_alg_values_supported", ID_TOKEN_ALGORITHMS);
    claims.put("response_types_supported", List.of("code"));
    claims.put("response_modes_supported", List.of("query"));
    claims.put("code_challenge_methods_supported", List.of("S256"));
    claims.put("subject_types_supported", List.of("public"));
    claims.put("scopes_supported", List.of("openid"));
    claims.put("claims_parameter_supported", false);
    claims.put("request_parameter_supported", false);
    claims.put("request_uri_parameter_supported", false);
    claims.remove("tls_client_certificate_bound_access_tokens");
    claims.remove("dpop_signing_alg_values_supported");
    claims.remove("introspection_endpoint");
    claims.remove("introspection_endpoint_auth_methods_supported");
    claims.remove("end_session_endpoint");
  }
}
