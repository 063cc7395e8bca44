package org.propusk.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the servlet container answers when no controller did (no such path, a method the path does
 * not take, a failure outside the controllers): a problem document for the JSON API, as every
 * other API answer, and the error page for people. {@code /error} opened directly is no page.
 */
@Controller
class ErrorPages implements ErrorController {

  /**
   * The parameter an OAuth 2.0 request was refused for, as Spring words it in {@code
   * OAuth2Error.toString()} ("[invalid_request] OAuth 2.0 Parameter: redirect_uri"): a reviewer of
   * the error page, and a relying party's developer, need to know which one. Only a parameter
   * name is taken from the message, never free text.
   */
  private static final Pattern REFUSED_PARAMETER = Pattern.compile("^\\[[a-z_]+] OAuth 2\\.0 Parameter: ([a-z_]{1,40})$");

  private final Messages messages;
  private final JsonMapper json;

  ErrorPages(Messages messages, JsonMapper json) {
    this.messages = messages;
    this.json = json;
  }

  @RequestMapping("/error")
  ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
    String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : "/error";
    response.setStatus(status);
    if (path.startsWith("/api/")) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "about:blank");
      problem.put("title", messages.get("problem.http-" + status + ".title"));
      problem.put("status", status);
      problem.put("instance", path);
      if (status >= 500) {
        RequestIds.of(request).ifPresent(id -> problem.put("requestId", id));
      }
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getWriter(), problem);
      return null;
    }
    ModelAndView page = new ModelAndView("error");
    page.addObject("status", status);
    if (status >= 500) {
      RequestIds.of(request).ifPresent(id -> page.addObject("requestId", id));
    }
    if (status == 400 && request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String message) {
      Matcher refused = REFUSED_PARAMETER.matcher(message);
      if (refused.matches()) {
        page.addObject("parameter", refused.group(1));
      }
    }
    return page;
  }
}
