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
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may use the pages and API of a role: the admin pages ({@code /admin/**}, {@code
 * /api/v1/admin/**}) for administrators, the operator console ({@code /operator/**}) for
 * service-centre operators. The role is read from {@link Roles} at every request (a revoked role
 * counts at once; no role is kept in the session), and the account's own second factor must have
 * been proven in this session ({@link Citizen#secondFactorProven()}: a registration's contact code
 * and password are not enough).
 *
 * <p>What a refused citizen gets: not signed in, the sign-in page (the chain's entry point); not
 * holding the role, 403 (the error page, or a problem for the API); holding it without a second
 * factor on the account, the page that says to turn two-step sign-in on (the role's {@code
 * two-step} page, itself open to the role's holders without it); holding it with a second factor
 * not used in this session, the sign-in page again ({@code max_age=0}: a fresh sign-in, which asks
 * for it) and back. The API answers 403 problems {@code not-administrator} (or {@code
 * not-operator}) and {@code second-factor-required}.
 */
class RoleAccess implements AuthorizationManager<RequestAuthorizationContext>, AccessDeniedHandler {

  static final String ADMIN_TWO_STEP_PAGE = "/admin/two-step";
  static final String OPERATOR_TWO_STEP_PAGE = "/operator/two-step";
  private static final String PROBLEM_BASE = "https://propusk.org/problems/";

  /** Why a request was refused, or that it was not. */
  enum Verdict {
    ADMITTED,
    NOT_SIGNED_IN,
    NOT_HOLDER,
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
      return "RoleAccess.Decision[" + verdict + "]";
    }
  }

  /** The guard of the admin pages and the admin API. */
  static RoleAccess administrators(Roles roles, SecondFactors secondFactors, Messages messages, JsonMapper json) {
    return new RoleAccess(Role.ADMINISTRATOR, "/admin", "/api/v1/admin/**", ADMIN_TWO_STEP_PAGE, "not-administrator", roles, secondFactors, messages, json);
  }

  /** The guard of the service-centre operator console. */
  static RoleAccess operators(Roles roles, SecondFactors secondFactors, Messages messages, JsonMapper json) {
    return new RoleAccess(Role.OPERATOR, "/operator", "/api/v1/operator/**", OPERATOR_TWO_STEP_PAGE, "not-operator", roles, secondFactors, messages, json);
  }

  private final Role role;
  private final String home;
  private final String notHolderProblem;
  private final String twoStepPath;
  private final Roles roles;
  private final SecondFactors secondFactors;
  private final Messages messages;
  private final JsonMapper json;
  private final RequestMatcher paths;
  private final RequestMatcher api;
  private final RequestMatcher twoStepPage;

  private RoleAccess(
      Role role,
      String home,
      String api,
      String twoStepPage,
      String notHolderProblem,
      Roles roles,
      SecondFactors secondFactors,
      Messages messages,
      JsonMapper json) {
    this.role = role;
    this.home = home;
    this.notHolderProblem = notHolderProblem;
    this.twoStepPath = twoStepPage;
    this.roles = roles;
    this.secondFactors = secondFactors;
    this.messages = messages;
    this.json = json;
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    this.api = path.matcher(api);
    this.paths = new OrRequestMatcher(path.matcher(home), path.matcher(home + "/**"), this.api);
    this.twoStepPage = path.matcher(HttpMethod.GET, twoStepPage);
  }

  /** The paths this guards: the role's pages and API. */
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
    if (!roles.has(citizen.accountId(), role)) {
      return Verdict.NOT_HOLDER;
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
        response.sendRedirect(request.getContextPath() + (on ? signIn : twoStepPath));
      }
    } else if (forApi) {
      problem(response, notHolderProblem, Map.of());
    } else {
      response.sendError(HttpServletResponse.SC_FORBIDDEN); // the error page
    }
  }

  /** Back to the page asked for after the sign-in; after a form, to the role's home page. */
  private String returnAddress(HttpServletRequest request) {
    if (!HttpMethod.GET.matches(request.getMethod()) || request.getRequestURI().startsWith("/api/")) {
      return home;
    }
    String query = request.getQueryString();
    return ReturnAddress.of(request.getRequestURI() + (query == null ? "" : "?" + query)).orElse(home);
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
