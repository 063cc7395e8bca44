package org.propusk.authentication.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.propusk.account.Accounts;
import org.propusk.account.SessionStanding;
import org.propusk.shared.Citizen;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web security of the citizen portal: session cookies; CSRF tokens kept in the session (pages
 * carry them in forms, API clients read them from {@code GET /api/v1/csrf} and send the header) and
 * renewed at sign-in; 401 problems for the JSON API instead of redirects; metrics only where
 * operators reach them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  CsrfTokenRepository csrfTokenRepository() {
    return new HttpSessionCsrfTokenRepository();
  }

  @Bean
  SecurityFilterChain portal(
      HttpSecurity http,
      SecurityContextRepository contexts,
      CsrfTokenRepository csrfTokens,
      Accounts accounts,
      Sessions sessions,
      SessionLifetime lifetime,
      @Value("${propusk.web.public-metrics}") boolean publicMetrics,
      AdministratorAccess administrators,
      WebServerApplicationContext application)
      throws Exception {
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    // metrics tell about the platform's load and users: only on the operators' own management port
    AuthorizationManager<RequestAuthorizationContext> operatorsOnly =
        (authentication, context) ->
            new AuthorizationDecision(
                publicMetrics || context.getRequest().getLocalPort() != application.getWebServer().getPort());
    http.securityContext(context -> context.securityContextRepository(contexts))
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
        .addFilterAfter(new SessionValidityFilter(lifetime, accounts, sessions), CsrfFilter.class)
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(
                        path.matcher("/actuator/health"), path.matcher("/actuator/health/**"), path.matcher("/actuator/info"))
                    .permitAll()
                    .requestMatchers(path.matcher("/actuator/**"))
                    .access(operatorsOnly)
                    .requestMatchers(administrators.paths())
                    .access(administrators)
                    .requestMatchers(
                        path.matcher(HttpMethod.GET, "/api/v1/session"),
                        path.matcher("/api/v1/session/reauthentication"),
                        path.matcher("/login/confirm"),
                        path.matcher("/api/v1/me"),
                        path.matcher("/api/v1/me/**"),
                        path.matcher("/api/v1/profile"),
                        path.matcher("/profile"),
                        path.matcher("/account/**"))
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .exceptionHandling(
            errors ->
                errors
                    .defaultAccessDeniedHandlerFor(administrators, administrators.paths())
                    .defaultAuthenticationEntryPointFor(
                        new ProblemEntryPoint(), path.matcher("/api/**"))
                    .defaultAuthenticationEntryPointFor(
                        new ProblemEntryPoint(), path.matcher("/actuator/**"))
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), path.matcher("/**")))
        // signing out is the sign-in module's own page and API call, so that it is recorded
        .logout(logout -> logout.disable())
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                                    + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                    // flow ids travel in paths: no address of ours goes to another site
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .permissionsPolicyHeader(
                        permissions ->
                            permissions.policy(
                                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                                    + "accelerometer=(), gyroscope=(), magnetometer=()")));
    return http.build();
  }

  /**
   * Ends a session that has lasted longer than the absolute timeout however active it was, or that
   * began before the account's password was changed (which ends sessions everywhere); gives a new
   * session id when the account's level changed since the session was granted.
   */
  static final class SessionValidityFilter extends OncePerRequestFilter {
    private final SessionLifetime lifetime;
    private final Accounts accounts;
    private final Sessions sessions;

    SessionValidityFilter(SessionLifetime lifetime, Accounts accounts, Sessions sessions) {
      this.lifetime = lifetime;
      this.accounts = accounts;
      this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Citizen.current().ifPresent(citizen -> review(citizen, request, response));
      chain.doFilter(request, response);
    }

    private void review(Citizen citizen, HttpServletRequest request, HttpServletResponse response) {
      Optional<SessionStanding> standing = accounts.sessionStanding(citizen.accountId());
      if (lifetime.isOver(citizen, standing)) {
        new SecurityContextLogoutHandler().logout(request, response, null);
      } else if (!standing.get().level().name().equals(citizen.level())) {
        sessions.establish(citizen.atLevel(standing.get().level().name()), request, response);
      }
    }
  }

  /** 401 for the API as a problem document, not a redirect to the sign-in page. */
  static final class ProblemEntryPoint implements AuthenticationEntryPoint {
    @Override
    public void commence(
        HttpServletRequest request,
        HttpServletResponse response,
        org.springframework.security.core.AuthenticationException authException) {
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      try {
        response
            .getWriter()
            .write(
                "{\"type\":\"https://propusk.org/problems/not-signed-in\",\"status\":401,"
                    + "\"title\":\"Unauthorized\"}");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
