package org.propusk.federation.internal.server;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.propusk.authentication.WebSessionSecurity;
import org.propusk.account.Accounts;
import org.propusk.federation.internal.authorization.AuthenticationRequirementsFilter;
import org.propusk.federation.internal.authorization.AuthorizationCodeGuard;
import org.propusk.federation.internal.authorization.AuthorizationRequestRules;
import org.propusk.federation.internal.authorization.AuthorizationRequests;
import org.propusk.federation.internal.authorization.AuthorizationStore;
import org.propusk.federation.internal.authorization.BoundedRefreshTokenGenerator;
import org.propusk.federation.internal.authorization.CodeGenerator;
import org.propusk.federation.internal.authorization.IntrospectionGuard;
import org.propusk.federation.internal.authorization.RefreshTokenReuseGuard;
import org.propusk.federation.internal.authorization.ServiceTokenGrant;
import org.propusk.federation.internal.clients.AssertionClientId;
import org.propusk.federation.internal.clients.ClientAssertionDecoders;
import org.propusk.federation.internal.claims.IdTokenReleases;
import org.propusk.federation.internal.claims.UserInfoClaims;
import org.propusk.federation.internal.consent.ConsentLedger;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.propusk.federation.internal.clients.ClientSecretHasher;
import org.propusk.federation.internal.clients.FederationSettings;
import org.propusk.federation.internal.keys.ActiveKeys;
import org.propusk.federation.internal.keys.PublishedKeys;
import org.propusk.federation.internal.keys.SigningKeys;
import org.propusk.federation.internal.logout.OidcSessions;
import org.propusk.federation.internal.logout.RpLogout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2PushedAuthorizationRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.JwtClientAssertionAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
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

  /** The one {@code JWKSource} bean (the configurer looks it up as a unique bean): the JWKS endpoint takes it. */
  @Bean
  PublishedKeys publishedKeys(SigningKeys keys) {
    return new PublishedKeys(keys);
  }

  /** Signs with the active keys only (see {@link ActiveKeys}). */
  @Bean
  JwtEncoder jwtEncoder(SigningKeys keys) {
    return new NimbusJwtEncoder(new ActiveKeys(keys));
  }

  /**
   * Propusk's own access tokens, for userinfo: held by the store as issued and not revoked (see
   * {@link StoredAccessTokens}), from this issuer, and valid by Propusk's clock (the one that dated them).
   */
  @Bean
  JwtDecoder jwtDecoder(AuthorizationStore authorizations, @Value("${propusk.public-url}") String issuer, Clock clock) {
    JwtTimestampValidator times = new JwtTimestampValidator();
    times.setClock(clock);
    return new StoredAccessTokens(authorizations, JwtValidators.createDefaultWithValidators(times, new JwtIssuerValidator(issuer)));
  }

  @Bean
  AuthorizationStore authorizationStore(
      JdbcTemplate jdbc,
      ClientRegistry clients,
      TransactionTemplate transactions,
      OidcSessions sessions,
      FederationSettings settings,
      Clock clock) {
    return new AuthorizationStore(jdbc, clients, transactions, sessions, settings.refreshAbsolute(), clock);
  }

  /**
   * The tokens, all dated by Propusk's clock (Spring's generators default to the system clock):
   * JWT access and ID tokens with Propusk's claims, and refresh tokens with an absolute end.
   * Declared here, so Spring's configurer uses it instead of building its own (ADR 6, section 4).
   */
  @Bean
  OAuth2TokenGenerator<OAuth2Token> tokenGenerator(
      JwtEncoder encoder, OAuth2TokenCustomizer<JwtEncodingContext> claims, AuthorizationStore store, Clock clock) {
    JwtGenerator jwts = new JwtGenerator(encoder);
    jwts.setJwtCustomizer(claims);
    jwts.setClock(inWholeSeconds(clock));
    return new DelegatingOAuth2TokenGenerator(jwts, new BoundedRefreshTokenGenerator(store, inWholeSeconds(clock)));
  }

  /**
   * Codes and tokens are dated in whole seconds, as a JWT carries its times: what the database
   * keeps is then exactly the token's own time, which it would otherwise round (possibly up, so
   * that a token lived a fraction longer than its lifetime).
   */
  static Clock inWholeSeconds(Clock clock) {
    return Clock.tick(clock, Duration.ofSeconds(1));
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
      ClientAssertionDecoders assertions,
      FederationSettings settings,
      IssuerParameter issuer,
      AuthorizationRequests requests,
      Accounts accounts,
      TransactionTemplate transactions,
      ApplicationEventPublisher events,
      Clock clock,
      RpLogout rpLogout,
      ConsentLedger consents,
      UserInfoClaims userInfo,
      IdTokenReleases idTokenReleases,
      MeterRegistry metrics)
      throws Exception {
    ClientSecretHasher secrets = new ClientSecretHasher(settings.clientSecretKey());
    AuthorizationRequestRules rules = new AuthorizationRequestRules();
    http.oauth2AuthorizationServer(
        server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server
              .registeredClientRepository(clients)
              .authorizationService(authorizations)
              // client secrets are HMACs under their own key, not Argon2 (the one PasswordEncoder bean);
              // assertions are checked against pasted keys too, and each only once
              .clientAuthentication(
                  client ->
                      client
                          .authenticationConverters(
                              converters ->
                                  converters.replaceAll(
                                      converter ->
                                          converter instanceof JwtClientAssertionAuthenticationConverter
                                              ? new AssertionClientId(converter)
                                              : converter))
                          .authenticationProviders(
                          providers ->
                              providers.forEach(
                                  provider -> {
                                    if (provider instanceof ClientSecretAuthenticationProvider secret) {
                                      secret.setPasswordEncoder(secrets);
                                    } else if (provider instanceof JwtClientAssertionAuthenticationProvider jwt) {
                                      jwt.setJwtDecoderFactory(assertions);
                                    }
                                  })))
              // One providers consumer (Spring keeps only the last one set): the request rules, which
              // Spring's configurer reads from the provider after this consumer has run, so that its
              // filter checking a request before the sign-in applies them too; Propusk's own consent
              // page, when it is shown and what its answer does (ConsentLedger); codes dated by
              // Propusk's clock
              .authorizationEndpoint(
                  endpoint ->
                      endpoint
                          .consentPage("/oauth2/consent")
                          .authenticationProviders(
                              requestRules(rules)
                                  .andThen(consentRules(consents))
                                  .andThen(new CodeGenerator(inWholeSeconds(clock)).installer()))
                          .authorizationResponseHandler(issuer.success())
                          .errorResponseHandler(issuer.error()))
              // RFC 9126; the client authenticates as at the token endpoint; request_uri lives 300 s, single use
              .pushedAuthorizationRequestEndpoint(
                  pushed ->
                      pushed.authenticationProviders(
                          providers ->
                              providers.forEach(
                                  provider -> {
                                    if (provider instanceof OAuth2PushedAuthorizationRequestAuthenticationProvider par) {
                                      par.setAuthenticationValidator(rules);
                                    }
                                  })))
              // code expiry and replay audit; services' own tokens with their service scopes only;
              // refresh token reuse detection; ID tokens in the sharing log once issued; tokens issued
              // counted by grant type
              .tokenEndpoint(
                  token ->
                      token
                          .accessTokenResponseHandler(new CountedTokenResponses(idTokenReleases, metrics))
                          .authenticationProviders(
                              providers ->
                                  providers.replaceAll(
                                      provider ->
                                          switch (provider) {
                                            case OAuth2AuthorizationCodeAuthenticationProvider code ->
                                                new AuthorizationCodeGuard(code, authorizations, transactions, events, clock);
                                            case OAuth2ClientCredentialsAuthenticationProvider service ->
                                                new ServiceTokenGrant(service);
                                            case OAuth2RefreshTokenAuthenticationProvider refresh ->
                                                new RefreshTokenReuseGuard(
                                                    refresh, authorizations, clients, transactions, events, clock);
                                            default -> provider;
                                          })))
              // a token is active only to its own client, or to a resource server
              .tokenIntrospectionEndpoint(
                  introspection ->
                      introspection.authenticationProviders(
                          providers ->
                              providers.replaceAll(
                                  provider ->
                                      provider instanceof OAuth2TokenIntrospectionAuthenticationProvider spring
                                          ? new IntrospectionGuard(spring, authorizations, clock)
                                          : provider)))
              .oidc(
                  oidc ->
                      oidc.providerConfigurationEndpoint(
                              discovery ->
                                  discovery.providerConfigurationCustomizer(
                                      metadata -> DiscoveryMetadata.apply(metadata, settings.clientSecretPost())))
                          .userInfoEndpoint(endpoint -> endpoint.userInfoMapper(userInfo))
                          // Propusk's recorded sign-out, or the citizen's confirmation (Spring's would just end the session)
                          .logoutEndpoint(logout -> logout.logoutResponseHandler(rpLogout)));
        });
    http.authorizeHttpRequests(
            authorize ->
                authorize.requestMatchers(AuthenticationRequirementsFilter.promptNone()).permitAll().anyRequest().authenticated())
        .addFilterBefore(new AuthenticationRequirementsFilter(requests, accounts, issuer, clock), AuthorizationFilter.class)
        .exceptionHandling(
            errors ->
                errors.defaultAuthenticationEntryPointFor(
                    new FederationEntryPoint(), PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize")))
        // userinfo takes Propusk's own access tokens, also in a form body (OpenID Connect Core 5.3.1)
        .oauth2ResourceServer(
            resourceServer -> resourceServer.bearerTokenResolver(new BearerTokens()).jwt(Customizer.withDefaults()));
    webSessions.applyTo(http);
    return http.build();
  }

  private static Consumer<List<AuthenticationProvider>> requestRules(AuthorizationRequestRules rules) {
    return providers ->
        providers.forEach(
            provider -> {
              if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider code) {
                code.setAuthenticationValidator(rules);
              }
            });
  }

  private static Consumer<List<AuthenticationProvider>> consentRules(ConsentLedger consents) {
    return providers ->
        providers.forEach(
            provider -> {
              if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider request) {
                request.setAuthorizationConsentRequired(ConsentLedger::consentRequired);
              }
              if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider answer) {
                answer.setAuthorizationConsentCustomizer(consents);
              }
            });
  }
}
