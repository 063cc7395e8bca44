package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.propusk.account.Roles;
import org.propusk.authentication.SecondFactors;
import org.propusk.authentication.WebSessionSecurity;
import org.propusk.shared.Messages;
import tools.jackson.databind.json.JsonMapper;
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
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

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
      CsrfTokenRepository csrfTokens,
      WebSessionSecurity webSessions,
      @Value("${propusk.web.public-metrics}") boolean publicMetrics,
      Roles roles,
      SecondFactors secondFactors,
      Messages messages,
      JsonMapper json,
      WebServerApplicationContext application)
      throws Exception {
    RoleAccess administrators = RoleAccess.administrators(roles, secondFactors, messages, json);
    RoleAccess operators = RoleAccess.operators(roles, secondFactors, messages, json);
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    // metrics tell about the platform's load and users: only on the operators' own management port
    AuthorizationManager<RequestAuthorizationContext> operatorsOnly =
        (authentication, context) ->
            new AuthorizationDecision(
                publicMetrics || context.getRequest().getLocalPort() != application.getWebServer().getPort());
    // the session's context, its validity rules and the headers: shared with the provider's chain
    webSessions.applyTo(http);
    http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
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
                    .requestMatchers(operators.paths())
                    .access(operators)
                    .requestMatchers(
                        path.matcher(HttpMethod.GET, "/api/v1/session"),
                        path.matcher("/api/v1/session/reauthentication"),
                        path.matcher("/login/confirm"),
                        path.matcher("/api/v1/me"),
                        path.matcher("/api/v1/me/**"),
                        path.matcher("/api/v1/profile"),
                        path.matcher("/api/v1/confirmation/**"),
                        path.matcher("/profile"),
                        path.matcher("/account/**"),
                        // the provider's consent page (federation module)
                        path.matcher("/oauth2/consent"))
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .exceptionHandling(
            errors ->
                errors
                    .defaultAccessDeniedHandlerFor(administrators, administrators.paths())
                    .defaultAccessDeniedHandlerFor(operators, operators.paths())
                    .defaultAuthenticationEntryPointFor(
                        new ProblemEntryPoint(), path.matcher("/api/**"))
                    .defaultAuthenticationEntryPointFor(
                        new ProblemEntryPoint(), path.matcher("/actuator/**"))
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), path.matcher("/**")))
        // signing out is the sign-in module's own page and API call, so that it is recorded
        .logout(logout -> logout.disable());
    return http.build();
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
