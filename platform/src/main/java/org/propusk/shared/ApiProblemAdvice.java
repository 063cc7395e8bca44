package org.propusk.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Every JSON API answer that is not a success is an RFC 9457 problem, in the client's language;
 * unexpected failures give a 500 problem without internals.
 */
// before any page advice, so that API calls always answer a problem document
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);
  private static final String TYPE_BASE = "https://propusk.org/problems/";

  private final Messages messages;

  ApiProblemAdvice(Messages messages) {
    this.messages = messages;
  }

  @ExceptionHandler(Problem.class)
  ResponseEntity<ProblemDetail> problem(Problem problem) {
    ProblemDetail body = ProblemDetail.forStatus(problem.status());
    body.setType(URI.create(TYPE_BASE + problem.type()));
    body.setTitle(messages.title(problem));
    String detail = messages.detail(problem);
    if (!detail.isEmpty()) {
      body.setDetail(detail);
    }
    problem.properties().forEach(body::setProperty);
    if (problem instanceof InvalidInput invalid) {
      body.setProperty("errors", errors(invalid.violations()));
    }
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.status());
    if (problem.retryAfter() != null) {
      answer.header(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfter().toSeconds()));
    }
    return answer.body(body);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    String requestId = RequestIds.current().orElse(null);
    log.error("Unexpected failure while answering an API call (request {})", requestId, e);
    ProblemDetail body = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
    body.setTitle(messages.get("problem.internal.title"));
    // the one thing a client can quote to the operators; no internals
    body.setProperty("requestId", requestId);
    return ResponseEntity.internalServerError().body(body);
  }

  /**
   * A body over the cap of {@link JsonBodyLimit} is too large, not malformed; text that is not
   * well-formed ({@link WellFormedText}) is an error of its field.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonBodyLimit.TooLarge) {
        return handleExceptionInternal(ex, null, headers, HttpStatus.CONTENT_TOO_LARGE, request);
      }
      if (cause instanceof InvalidFormatException text
          && text.getTargetType() == String.class
          && WellFormedText.MALFORMED.equals(text.getOriginalMessage())) {
        ResponseEntity<ProblemDetail> answer = problem(new InvalidInput(field(text), WellFormedText.MALFORMED));
        return ResponseEntity.status(answer.getStatusCode()).body(answer.getBody());
      }
    }
    return super.handleHttpMessageNotReadable(ex, headers, status, request);
  }

  /** Framework-detected problems (unreadable JSON, wrong method, ...) keep their status. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem =
        body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(status);
    problem.setTitle(messages.get("problem.http-" + status.value() + ".title"));
    problem.setDetail(null);
    return super.handleExceptionInternal(ex, problem, headers, status, request);
  }

  /** The field's name as the API calls it: {@code lastName}, {@code addresses[0].street}. */
  private static String field(DatabindException error) {
    StringBuilder field = new StringBuilder();
    for (JacksonException.Reference step : error.getPath()) {
      if (step.getPropertyName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
      } else if (step.getIndex() >= 0) {
        field.append('[').append(step.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  private List<Map<String, String>> errors(List<Violation> violations) {
    return violations.stream()
        .map(
            v ->
                Map.of(
                    "field", v.field(),
                    "code", v.code(),
                    "message", messages.violation(v)))
        .toList();
  }
}
