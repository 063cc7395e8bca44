package org.propusk.authentication.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.propusk.account.Accounts;
import org.propusk.account.SessionStanding;
import org.propusk.authentication.WebSessionSecurity;
import org.propusk.shared.Citizen;
import org.propusk.shared.ContentSecurityPolicy;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** The portal's session and header rules, for every chain that serves signed-in citizens. */
@Component
class PortalSessionSecurity implements WebSessionSecurity {

  private final SecurityContextRepository contexts;
  private final SessionLifetime lifetime;
  private final Accounts accounts;
  private final Sessions sessions;

  PortalSessionSecurity(
      SecurityContextRepository contexts, SessionLifetime lifetime, Accounts accounts, Sessions sessions) {
    this.contexts = contexts;
    this.lifetime = lifetime;
    this.accounts = accounts;
    this.sessions = sessions;
  }

  @Override
  public void applyTo(HttpSecurity http) throws Exception {
    http.securityContext(context -> context.securityContextRepository(contexts))
        .addFilterAfter(new SessionValidityFilter(lifetime, accounts, sessions), CsrfFilter.class)
        .headers(
            headers ->
                headers
                    // a page may send its own (FormActionPolicy): the writer leaves that one alone
                    .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.DEFAULT))
                    // flow ids travel in paths: no address of ours goes to another site
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .permissionsPolicyHeader(
                        permissions ->
                            permissions.policy(
                                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                                    + "accelerometer=(), gyroscope=(), magnetometer=()")));
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
}
