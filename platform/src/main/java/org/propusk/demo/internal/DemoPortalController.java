package org.propusk.demo.internal;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpSession;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo portal's pages: the start page with "Войти через Propusk" (scopes and the level to ask
 * for), the callback that checks {@code state}, exchanges the code and checks the ID token, and the
 * result page with what came back. Its request lives in its own session attribute; a callback
 * without the matching {@code state} in this browser's session is refused (login CSRF).
 */
@Controller
@Profile("dev")
@RequestMapping("/demo-rp")
class DemoPortalController {

  static final String REQUEST = DemoPortalController.class.getName() + ".request";
  static final String RESULT = DemoPortalController.class.getName() + ".result";
  static final List<String> OPTIONAL_SCOPES = List.of("profile", "email", "phone");
  static final List<String> LEVELS = List.of("simplified", "standard", "confirmed");
  static final String ACR_PREFIX = "urn:propusk:level:";
  private static final List<String> TIME_CLAIMS = List.of("exp", "iat", "nbf", "auth_time");

  private final ProviderClient provider;
  private final JsonMapper json;

  DemoPortalController(ProviderClient provider, JsonMapper json) {
    this.provider = provider;
    this.json = json;
  }

  @GetMapping
  String portal(Model model) {
    model.addAttribute("scopes", OPTIONAL_SCOPES);
    model.addAttribute("levels", LEVELS);
    model.addAttribute("issuer", provider.issuer());
    return "demo/portal";
  }

  @PostMapping("/start")
  String start(
      @RequestParam(name = "scope", required = false) List<String> scopes,
      @RequestParam(required = false) String level,
      HttpSession session,
      Model model) {
    List<String> asked = new ArrayList<>(List.of("openid"));
    OPTIONAL_SCOPES.stream().filter(s -> scopes != null && scopes.contains(s)).forEach(asked::add);
    String acr = level != null && LEVELS.contains(level) ? ACR_PREFIX + level : null;
    DemoRequest request = DemoRequest.start(asked, acr);
    try {
      String authorization = provider.authorizationRequest(request);
      session.setAttribute(REQUEST, request);
      return "redirect:" + authorization;
    } catch (ProviderClient.Refused | RestClientException e) {
      return refused(model, e.getMessage());
    }
  }

  @GetMapping("/callback")
  String callback(@RequestParam Map<String, String> answer, HttpSession session, Model model) {
    DemoRequest request = session.getAttribute(REQUEST) instanceof DemoRequest r ? r : null;
    if (request == null || !request.state().equals(answer.get("state"))) {
      return refused(model, "state: the answer does not belong to a sign-in started in this browser");
    }
    // the state is spent: a second arrival of the same answer is refused above
    session.removeAttribute(REQUEST);
    if (answer.containsKey("iss") && !provider.issuer().equals(answer.get("iss"))) {
      // RFC 9207: the answer came from another provider (mix-up)
      return refused(model, "iss: " + answer.get("iss"));
    }
    if (answer.containsKey("error")) {
      return refused(model, answer.get("error") + " " + answer.getOrDefault("error_description", ""));
    }
    if (answer.get("code") == null) {
      return refused(model, "the answer has no code");
    }
    try {
      ProviderClient.Tokens tokens = provider.exchange(answer.get("code"), request);
      Jwt idToken = provider.validate(tokens.idToken(), request.nonce());
      Map<String, Object> userInfo = provider.userInfo(tokens.accessToken());
      // OpenID Connect Core 5.3.2: userinfo about anyone else must not be used
      if (!idToken.getSubject().equals(userInfo.get("sub"))) {
        return refused(model, "userinfo: sub " + userInfo.get("sub") + " is not the ID token's " + idToken.getSubject());
      }
      Map<String, Object> response = new TreeMap<>();
      response.put("token_type", tokens.tokenType());
      response.put("expires_in", tokens.expiresIn());
      response.put("scope", tokens.scope());
      response.put("refresh_token", tokens.refreshToken() ? "(received)" : "(none)");
      session.setAttribute(
          RESULT,
          new DemoResult(
              request.scopes(),
              request.acrValues(),
              entries(response),
              entries(header(tokens.idToken())),
              entries(idToken.getClaims()),
              entries(header(tokens.accessToken())),
              entries(userInfo)));
      return "redirect:/demo-rp/result";
    } catch (ProviderClient.Refused | RestClientException e) {
      return refused(model, e.getMessage());
    }
  }

  @GetMapping("/result")
  String result(HttpSession session, Model model) {
    if (!(session.getAttribute(RESULT) instanceof DemoResult result)) {
      return "redirect:/demo-rp";
    }
    model.addAttribute("result", result);
    return "demo/result";
  }

  private String refused(Model model, String reason) {
    model.addAttribute("refused", reason.strip());
    return portal(model);
  }

  /** The JOSE header of a compact JWT; an opaque token has none. */
  private static Map<String, Object> header(String token) {
    try {
      return JWTParser.parse(token).getHeader().toJSONObject();
    } catch (ParseException opaque) {
      return Map.of();
    }
  }

  private List<DemoResult.Entry> entries(Map<String, Object> values) {
    return new TreeMap<>(values)
        .entrySet().stream()
            .map(e -> new DemoResult.Entry(e.getKey(), text(e.getValue()), time(e.getKey(), e.getValue())))
            .toList();
  }

  private String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Instant at) {
      return Long.toString(at.getEpochSecond());
    }
    if (value instanceof java.util.Date at) {
      return Long.toString(at.toInstant().getEpochSecond());
    }
    if (value instanceof java.net.URL || value instanceof java.net.URI) {
      return value.toString();
    }
    return json.writeValueAsString(value);
  }

  private static String time(String name, Object value) {
    if (!TIME_CLAIMS.contains(name)) {
      return null;
    }
    Instant at =
        switch (value) {
          case Instant i -> i;
          case java.util.Date d -> d.toInstant();
          case Number n -> Instant.ofEpochSecond(n.longValue());
          default -> null;
        };
    return at == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(at.atOffset(ZoneOffset.UTC).withNano(0)) + " UTC";
  }
}
