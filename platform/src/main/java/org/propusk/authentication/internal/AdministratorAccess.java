package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.propusk.account.Role;
import org.propusk.account.Roles;
import org.propusk.authentication.SecondFactors;
import org.propusk.shared.Citizen;
import org.propusk.shared.Messages;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may use the admin pages ({@code /admin/**}) and the admin API ({@code /api/v1/admin/**}): an
 * administrator, read from {@link Roles} at every request (a revoked role counts at once; no role is
 * kept in the session), who proved the account's own second factor in this session ({@link
 * Citizen#secondFactorProven()}: a registration's contact code and password are not enough).
 *
 * <p>What a refused citizen gets: not signed in, the sign-in page (the chain's entry point); not an
 * administrator, 403 (the error page, or a problem for the API); an administrator whose account has
 * no second factor, the page that says to turn two-step sign-in on ({@value #TWO_STEP_PAGE}, itself
 * open to administrators without it); one who has it but did not use it in this session, the
 * sign-in page again ({@code max_age=0}: a fresh sign-in, which asks for it) and back. The API
 * answers 403 problems {@code not-administrator} and {@code second-factor-required}.
 */
@Component
class AdministratorAccess implements AuthorizationManager<RequestAuthorizationContext>, AccessDeniedHandler {

  static final String TWO_STEP_PAGE = "/admin/two-step";
  private static final String PROBLEM_BASE = "https://propusk.org/problems/";

  /** Why an administrator's request was refused, or that it was not. */
  enum Verdict {
    ADMITTED,
    NOT_SIGNED_IN,
    NOT_ADMINISTRATOR,
    NO_SECOND_FACTOR_ON_ACCOUNT,
    SECOND_FACTOR_NOT_USED
  }

  static final class Decision extends AuthorizationDecision {
    private final Verdict verdict;

    Decision(Verdict verdict) {
      super(verdict == Verdict.ADMITTED);
      this.verdict = verdict;
    }

    Verdict verdict() {
      return verdict;
    }

    @Override
    public String toString() {
      return "AdministratorAccess.Decision[" + verdict + "]";
    }
  }

  private final Roles roles;
  private final SecondFactors secondFactors;
  private final Messages messages;
  private final JsonMapper json;
  private final RequestMatcher paths;
  private final RequestMatcher api;
  private final RequestMatcher twoStepPage;

  AdministratorAccess(Roles roles, SecondFactors secondFactors, Messages messages, JsonMapper json) {
    this.roles = roles;
    this.secondFactors = secondFactors;
    this.messages = messages;
    this.json = json;
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    this.api = path.matcher("/api/v1/admin/**");
    this.paths = new OrRequestMatcher(path.matcher("/admin"), path.matcher("/admin/**"), api);
    this.twoStepPage = path.matcher(HttpMethod.GET, TWO_STEP_PAGE);
  }

  /** The paths this guards: the admin pages and the admin API. */
  RequestMatcher paths() {
    return paths;
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends @Nullable Authentication> authentication, RequestAuthorizationContext context) {
    return new Decision(verdict(authentication.get(), context.getRequest()));
  }

  Verdict verdict(@Nullable Authentication authentication, HttpServletRequest request) {
    if (authentication == null || !(authentication.getPrincipal() instanceof Citizen citizen)) {
      return Verdict.NOT_SIGNED_IN;
    }
    if (!roles.has(citizen.accountId(), Role.ADMINISTRATOR)) {
      return Verdict.NOT_ADMINISTRATOR;
    }
    if (citizen.secondFactorProven() || twoStepPage.matches(request)) {
      return Verdict.ADMITTED;
    }
    return secondFactors.methodsOf(citizen.accountId()).isEmpty()
        ? Verdict.NO_SECOND_FACTOR_ON_ACCOUNT
        : Verdict.SECOND_FACTOR_NOT_USED;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    if (!(denied instanceof AuthorizationDeniedException refused
        && refused.getAuthorizationResult() instanceof Decision decision)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN); // e.g. a CSRF token refused: the usual answer
      return;
    }
    Verdict verdict = decision.verdict();
    boolean forApi = api.matches(request);
    if (verdict == Verdict.NO_SECOND_FACTOR_ON_ACCOUNT || verdict == Verdict.SECOND_FACTOR_NOT_USED) {
      boolean on = verdict == Verdict.SECOND_FACTOR_NOT_USED;
      String signIn = "/login?return=" + URLEncoder.encode(returnAddress(request), StandardCharsets.UTF_8) + "&max_age=0";
      if (forApi) {
        problem(response, "second-factor-required", Map.of("secondFactorOn", on, on ? "signIn" : "turnOn", on ? signIn : "/account/security"));
      } else {
        response.sendRedirect(request.getContextPath() + (on ? signIn : TWO_STEP_PAGE));
      }
    } else if (forApi) {
      problem(response, "not-administrator", Map.of());
    } else {
      response.sendError(HttpServletResponse.SC_FORBIDDEN); // the error page
    }
  }

  /** Back to the page asked for after the sign-in; after a form, to the admin home page. */
  private static String returnAddress(HttpServletRequest request) {
    if (!HttpMethod.GET.matches(request.getMethod()) || request.getRequestURI().startsWith("/api/")) {
      return "/admin";
    }
    String query = request.getQueryString();
    return ReturnAddress.of(request.getRequestURI() + (query == null ? "" : "?" + query)).orElse("/admin");
  }

  private void problem(HttpServletResponse response, String type, Map<String, Object> properties) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", PROBLEM_BASE + type);
    problem.put("title", messages.get("problem." + type + ".title"));
    problem.put("status", HttpServletResponse.SC_FORBIDDEN);
    String detail = messages.get("problem." + type + ".detail");
    if (!detail.isEmpty()) {
      problem.put("detail", detail);
    }
    problem.putAll(properties);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getWriter(), problem);
  }
}
