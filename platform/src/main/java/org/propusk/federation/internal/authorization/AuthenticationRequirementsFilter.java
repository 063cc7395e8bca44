package org.propusk.federation.internal.authorization;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.propusk.account.AccountLevel;
import org.propusk.account.AccountSummary;
import org.propusk.account.Accounts;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.propusk.federation.internal.server.IssuerParameter;
import org.propusk.shared.Citizen;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What Spring's authorization endpoint does not check before it issues a code (ADR 6, section 3),
 * in front of it (before the access decision, after Spring's own checks of client, redirect URI,
 * scope and PKCE):
 *
 * <ol>
 *   <li>a client registered for pushed requests only sent a plain one → {@code invalid_request};
 *   <li>{@code prompt=login} or {@code max_age=0}: a sign-in made for this request; {@code max_age}:
 *       a proof of identity no older than that. Otherwise the citizen signs in again;
 *   <li>the account level: {@code acr_values} and the client's registered minimum, against the
 *       account's level now (from the account module, not the session). Too low → the page that
 *       says how to raise it, with a way back to the service.
 * </ol>
 *
 * With {@code prompt=none} nothing is shown: an unmet 2 → {@code login_required}, 3 →
 * {@code interaction_required}; a citizen not signed in at all gets {@code login_required} from
 * Spring (the request passes the access decision, see {@link #promptNone()}). Errors go to the
 * client's checked redirect URI with {@code iss}. It also notes the request for the entry point.
 */
public final class AuthenticationRequirementsFilter extends OncePerRequestFilter {

  public static final String LEVEL_PAGE = "/federation/level-required";

  private final RequestMatcher endpoint = PathPatternRequestMatcher.withDefaults().matcher(AuthorizationRequests.ENDPOINT);
  private final AuthorizationRequests requests;
  private final Accounts accounts;
  private final IssuerParameter issuer;
  private final Clock clock;

  public AuthenticationRequirementsFilter(
      AuthorizationRequests requests, Accounts accounts, IssuerParameter issuer, Clock clock) {
    this.requests = requests;
    this.accounts = accounts;
    this.issuer = issuer;
    this.clock = clock;
  }

  /** What follows from the request and who is signed in. */
  private sealed interface Decision {
    record Proceed() implements Decision {}

    record Refuse(String error, String description) implements Decision {}

    record SignIn(boolean fresh, AccountLevel level) implements Decision {}

    record RaiseLevel() implements Decision {}

    /** Not signed in: the access decision refuses, and the entry point sends to the sign-in. */
    record SignInFirst() implements Decision {}
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !endpoint.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<RequestedAuthorization> found;
    try {
      found = requests.of(request);
    } catch (AuthorizationRequests.UnusableRequestUri unusable) {
      // no redirect URI to trust: the pushed request is unknown, used or another client's (Spring
      // checks expiry); worded as Spring's refusals, so that the error page names the parameter
      OAuth2Error refused = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "OAuth 2.0 Parameter: request_uri", null);
      response.sendError(HttpStatus.BAD_REQUEST.value(), refused.toString());
      return;
    }
    if (found.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    RequestedAuthorization authorization = found.get();
    request.setAttribute(RequestedAuthorization.ATTRIBUTE, authorization);
    Decision decision = decide(authorization, Citizen.current(), request);
    if ((decision instanceof Decision.SignIn
            || decision instanceof Decision.RaiseLevel
            || decision instanceof Decision.SignInFirst)
        && !SignInAddress.fits(authorization)) {
      // it would be cut off on the way through the sign-in or the level page; pushed, it is short
      decision = new Decision.Refuse(OAuth2ErrorCodes.INVALID_REQUEST, "request too long: push it to /oauth2/par");
    }
    switch (decision) {
      case Decision.Proceed proceed -> chain.doFilter(request, response);
      case Decision.SignInFirst anonymous -> chain.doFilter(request, response);
      case Decision.Refuse refuse ->
          issuer.redirect(
              response,
              authorization.redirectUri(),
              authorization.state(),
              new OAuth2Error(refuse.error(), refuse.description(), null));
      case Decision.SignIn signIn ->
          response.sendRedirect(request.getContextPath() + SignInAddress.of(authorization, signIn.fresh(), signIn.level()));
      case Decision.RaiseLevel raise ->
          response.sendRedirect(
              request.getContextPath() + LEVEL_PAGE + "?return=" + AuthorizationRequests.encode(authorization.returnAddress()));
    }
  }

  private Decision decide(RequestedAuthorization authorization, Optional<Citizen> signedIn, HttpServletRequest request) {
    if (ClientRegistry.requiresPushedRequests(authorization.client()) && !authorization.pushed()) {
      return new Decision.Refuse(OAuth2ErrorCodes.INVALID_REQUEST, "pushed authorization request required");
    }
    boolean silent = authorization.prompt().contains("none");
    Instant now = clock.instant();
    if (signedIn.isEmpty()) {
      if (silent) {
        // passes the access decision (promptNone), and Spring answers login_required
        return new Decision.Proceed();
      }
      if (authorization.freshSignInAsked()) {
        // the sign-in the entry point sends the citizen to is the fresh one asked for
        FreshSignIn.asked(request, authorization, now);
      }
      return new Decision.SignInFirst();
    }
    Citizen citizen = signedIn.get();
    AccountLevel needed =
        RequestedLevel.needed(authorization.parameter("acr_values"), ClientRegistry.minimumLevel(authorization.client()));
    if (authorization.freshSignInAsked()) {
      if (!FreshSignIn.satisfied(request, authorization, citizen.authenticatedAt())) {
        if (silent) {
          return new Decision.Refuse("login_required", "a new sign-in is needed");
        }
        FreshSignIn.asked(request, authorization, now);
        return new Decision.SignIn(true, needed);
      }
    } else if (authorization.maxAge().isPresent()
        && Duration.between(citizen.authenticatedAt(), now).compareTo(Duration.ofSeconds(authorization.maxAge().get())) > 0) {
      return silent
          ? new Decision.Refuse("login_required", "the sign-in is older than max_age")
          : new Decision.SignIn(false, needed);
    }
    Optional<AccountLevel> level = accounts.find(citizen.accountId()).map(AccountSummary::level).map(l -> l.level());
    if (level.isEmpty()) {
      // the account is gone; the session rules end such a session, this is only the last word
      return silent ? new Decision.Refuse("login_required", "no account") : new Decision.SignIn(true, needed);
    }
    if (level.get().compareTo(needed) < 0) {
      return silent
          ? new Decision.Refuse("interaction_required", "the account level is below the one asked for")
          : new Decision.RaiseLevel();
    }
    return new Decision.Proceed();
  }

  /**
   * {@code prompt=none}: passes the access decision even without a citizen, so that Spring answers
   * {@code login_required} to the client instead of the entry point showing a sign-in page.
   */
  public static RequestMatcher promptNone() {
    return request -> RequestedAuthorization.of(request).map(a -> a.prompt().contains("none")).orElse(false);
  }
}
