package org.propusk.federation.internal.server;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.propusk.account.AccountLevel;
import org.propusk.federation.internal.authorization.RequestedLevel;
import org.propusk.federation.internal.claims.ClaimCatalogue;
import org.springframework.security.oauth2.server.authorization.oidc.OidcProviderConfiguration;

/**
 * {@code /.well-known/openid-configuration} as Propusk is: Spring's defaults advertise grants,
 * client authentication methods and features that Propusk does not offer (token exchange, device
 * code, mutual TLS, DPoP, RS256 only). Only what works is announced, with what Spring does not
 * know of: back-channel logout, with {@code sid} in every logout token. Introspection takes
 * confidential clients only: a public client has nothing to authenticate with.
 */
final class DiscoveryMetadata {

  /** Client credentials only for confidential clients registered for it (services' own tokens). */
  static final List<String> GRANT_TYPES = List.of("authorization_code", "refresh_token", "client_credentials");
  static final List<String> CLIENT_AUTHENTICATION = List.of("client_secret_basic", "private_key_jwt", "none");
  static final List<String> CONFIDENTIAL_CLIENT_AUTHENTICATION = List.of("client_secret_basic", "private_key_jwt");
  /** What a client may sign its {@code private_key_jwt} assertions with. */
  static final List<String> CLIENT_ASSERTION_ALGORITHMS = List.of("ES256", "RS256", "PS256");
  static final List<String> ID_TOKEN_ALGORITHMS = List.of("ES256", "RS256");
  static final List<String> ACR_VALUES =
      Arrays.stream(AccountLevel.values()).map(RequestedLevel::acr).toList();

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
    claims.put("token_endpoint_auth_signing_alg_values_supported", CLIENT_ASSERTION_ALGORITHMS);
    claims.put("revocation_endpoint_auth_signing_alg_values_supported", CLIENT_ASSERTION_ALGORITHMS);
    claims.put("id_token_signing_alg_values_supported", ID_TOKEN_ALGORITHMS);
    claims.put("response_types_supported", List.of("code"));
    claims.put("response_modes_supported", List.of("query"));
    claims.put("code_challenge_methods_supported", List.of("S256"));
    claims.put("subject_types_supported", List.of("public"));
    claims.put("scopes_supported", ClaimCatalogue.scopes());
    claims.put("claims_supported", ClaimCatalogue.claimNames());
    claims.put("claims_parameter_supported", false);
    claims.put("request_parameter_supported", false);
    claims.put("request_uri_parameter_supported", false);
    // RFC 9207: IssuerParameter puts iss on every authorization response
    claims.put("authorization_response_iss_parameter_supported", true);
    // RFC 9126: the endpoint itself Spring announces; some clients are registered to need it
    claims.put("require_pushed_authorization_requests", false);
    claims.put("prompt_values_supported", List.of("none", "login", "consent"));
    claims.put("acr_values_supported", ACR_VALUES);
    claims.remove("tls_client_certificate_bound_access_tokens");
    claims.remove("dpop_signing_alg_values_supported");
    claims.put("introspection_endpoint_auth_methods_supported", CONFIDENTIAL_CLIENT_AUTHENTICATION);
    claims.put("introspection_endpoint_auth_signing_alg_values_supported", CLIENT_ASSERTION_ALGORITHMS);
    claims.put("backchannel_logout_supported", true);
    claims.put("backchannel_logout_session_supported", true);
  }
}
