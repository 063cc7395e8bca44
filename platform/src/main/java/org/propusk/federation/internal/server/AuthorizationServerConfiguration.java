package org.propusk.federation.internal.server;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.List;
import org.propusk.authentication.WebSessionSecurity;
import org.propusk.federation.internal.authorization.AuthorizationStore;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.propusk.federation.internal.clients.ClientSecretHasher;
import org.propusk.federation.internal.clients.FederationSettings;
import org.propusk.federation.internal.keys.ActiveKeys;
import org.propusk.federation.internal.keys.PublishedKeys;
import org.propusk.federation.internal.keys.SigningKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The OpenID Connect provider: Spring Security's authorization server in a chain of its own that
 * comes before the portal's (Boot's default chain backs off once any chain exists, STACK.md trap
 * 4). It shares the portal's session rules and headers ({@link WebSessionSecurity}), so that a
 * session the portal would end is ended here too, and sends citizens to Propusk's own sign-in.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

  /** The issuer is the public address: every node and the tokens agree on it. */
  @Bean
  AuthorizationServerSettings authorizationServerSettings(@Value("${propusk.public-url}") String publicUrl) {
    return AuthorizationServerSettings.builder().issuer(publicUrl).build();
  }

  /** The one {@code JWKSource} bean: the JWKS endpoint and the decoder take it. */
  @Bean
  PublishedKeys publishedKeys(SigningKeys keys) {
    return new PublishedKeys(keys);
  }

  /** Signs with the active keys only (see {@link ActiveKeys}). */
  @Bean
  JwtEncoder jwtEncoder(SigningKeys keys) {
    return new NimbusJwtEncoder(new ActiveKeys(keys));
  }

  /** Propusk's own tokens, for userinfo: ES256 or RS256 under a published key, nothing else. */
  @Bean
  JwtDecoder jwtDecoder(PublishedKeys keys) {
    return NimbusJwtDecoder.withJwkSource(keys)
        .jwsAlgorithms(algorithms -> SigningKeys.ALGORITHMS.stream()
            .map(JWSAlgorithm::getName)
            .map(SignatureAlgorithm::from)
            .forEach(algorithms::add))
        .build();
  }

  @Bean
  AuthorizationStore authorizationStore(JdbcTemplate jdbc, ClientRegistry clients, TransactionTemplate transactions) {
    return new AuthorizationStore(jdbc, clients, transactions);
  }

  @Bean
  OAuth2AuthorizationConsentService authorizationConsents(JdbcTemplate jdbc, ClientRegistry clients) {
    return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
  }

  /**
   * Spring's OpenID Connect session tracking does not fit Propusk (ADR 6, section 7): it keeps
   * sessions in one node's memory, finds them by principal equality, and would make the token
   * endpoint fail on Propusk's principal. With this registry it tracks nothing; {@code sid} and
   * {@code auth_time} will come from Propusk's own claims.
   */
  @Bean
  SessionRegistry oidcSessionRegistry() {
    return new SessionRegistry() {
      @Override
      public List<Object> getAllPrincipals() {
        return List.of();
      }

      @Override
      public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        return List.of();
      }

      @Override
      public SessionInformation getSessionInformation(String sessionId) {
        return null;
      }

      @Override
      public void refreshLastRequest(String sessionId) {}

      @Override
      public void registerNewSession(String sessionId, Object principal) {}

      @Override
      public void removeSessionInformation(String sessionId) {}
    };
  }

  @Bean
  @Order(1)
  SecurityFilterChain federation(
      HttpSecurity http,
      WebSessionSecurity webSessions,
      ClientRegistry clients,
      AuthorizationStore authorizations,
      FederationSettings settings)
      throws Exception {
    ClientSecretHasher secrets = new ClientSecretHasher(settings.clientSecretKey());
    http.oauth2AuthorizationServer(
        server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server
              .registeredClientRepository(clients)
              .authorizationService(authorizations)
              // client secrets are HMACs under their own key, not Argon2 (the one PasswordEncoder bean)
              .clientAuthentication(
                  client ->
                      client.authenticationProviders(
                          providers ->
                              providers.forEach(
                                  provider -> {
                                    if (provider instanceof ClientSecretAuthenticationProvider secret) {
                                      secret.setPasswordEncoder(secrets);
                                    }
                                  })))
              .oidc(
                  oidc ->
                      oidc.providerConfigurationEndpoint(
                          discovery ->
                              discovery.providerConfigurationCustomizer(
                                  metadata -> DiscoveryMetadata.apply(metadata, settings.clientSecretPost()))));
        });
    http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
        .addFilterBefore(new NotOfferedYet(), SecurityContextHolderFilter.class)
        .exceptionHandling(
            errors ->
                errors.defaultAuthenticationEntryPointFor(
                    new FederationEntryPoint(), PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize")))
        // userinfo takes Propusk's own access tokens
        .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
    webSessions.applyTo(http);
    return http.build();
  }
}
