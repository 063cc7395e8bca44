package org.propusk.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
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
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getWriter(), problem);
      return null;
    }
    return new ModelAndView("error", Map.of("status", status));
  }
}
