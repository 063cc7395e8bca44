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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web security of the citizen portal: session cookies, CSRF in Spring Security's cookie
 * convention (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}, or the form field), and 401
 * problems for the JSON API instead of redirects.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  SecurityFilterChain portal(
      HttpSecurity http,
      SecurityContextRepository contexts,
      Accounts accounts,
      Sessions sessions,
      SessionLifetime lifetime)
      throws Exception {
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    http.securityContext(context -> context.securityContextRepository(contexts))
        .csrf(csrf -> csrf.spa())
        .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
        .addFilterAfter(new SessionValidityFilter(lifetime, accounts, sessions), CsrfFilter.class)
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(
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
                    .defaultAuthenticationEntryPointFor(
                        new ProblemEntryPoint(), path.matcher("/api/**"))
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), path.matcher("/**")))
        .logout(
            logout ->
                logout
                    .logoutRequestMatcher(path.matcher(org.springframework.http.HttpMethod.POST, "/logout"))
                    .logoutSuccessUrl("/"))
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'")));
    return http.build();
  }

  /** Sends the CSRF cookie with the first answer, so that API clients can read it. */
  static final class CsrfCookieFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      if (token != null) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
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
        sessions.establish(
            new Citizen(citizen.accountId(), citizen.signedInAt(), standing.get().level().name()), request, response);
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
