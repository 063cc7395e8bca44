package org.propusk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The correlation id of a failure: the filter and the API's handler, each fed a failure directly
 * (a controller that throws would need a context of its own).
 */
class RequestIdsTests {

  static final RequestIds IDS = new RequestIds(new ClientAddress.Settings(List.of("192.0.2.1")));

  final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logged.start();
    ((Logger) LoggerFactory.getLogger(RequestIds.class)).addAppender(logged);
    ((Logger) LoggerFactory.getLogger(ApiProblemAdvice.class)).addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    ((Logger) LoggerFactory.getLogger(RequestIds.class)).detachAppender(logged);
    ((Logger) LoggerFactory.getLogger(ApiProblemAdvice.class)).detachAppender(logged);
  }

  @Test
  void takesTheIdOfATrustedProxyOnlyWhenItLooksLikeAnId() {
    assertThat(IDS.decide(request("192.0.2.1", "edge-7f3a9c21"))).isEqualTo("edge-7f3a9c21");
    assertThat(IDS.decide(request("203.0.113.5", "edge-7f3a9c21"))).isNotEqualTo("edge-7f3a9c21");
    for (String odd : List.of("short", "x".repeat(65), "a b c d e f g h", "id\r\nX-Injected: 1", "ид-запроса-12345")) {
      assertThat(IDS.decide(request("192.0.2.1", odd))).as(odd).isNotEqualTo(odd).matches("[0-9a-f-]{36}");
    }
    assertThat(IDS.decide(request("192.0.2.1", null))).matches("[0-9a-f-]{36}");
  }

  @Test
  void aFailureThatEscapesIsLoggedOnceWithTheIdAndAnsweredByTheErrorPage() throws Exception {
    MockHttpServletRequest request = request("203.0.113.5", null);
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicReference<String> idWhileServing = new AtomicReference<>();
    IDS.doFilter(
        request,
        response,
        (req, res) -> {
          idWhileServing.set(MDC.get(RequestIds.MDC_KEY));
          throw new IllegalStateException("internal detail");
        });
    String id = response.getHeader(RequestIds.HEADER);
    assertThat(id).isNotBlank().isEqualTo(idWhileServing.get());
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getErrorMessage()).isNull();
    assertThat(RequestIds.of(request)).contains(id);
    assertThat(MDC.get(RequestIds.MDC_KEY)).isNull();
    assertThat(logged.list).hasSize(1);
    assertThat(logged.list.getFirst().getFormattedMessage()).contains(id);
    assertThat(logged.list.getFirst().getThrowableProxy().getMessage()).isEqualTo("internal detail");
  }

  @Test
  void theErrorDispatchKeepsTheIdOfTheRequest() throws Exception {
    MockHttpServletRequest request = request("203.0.113.5", null);
    MockHttpServletResponse response = new MockHttpServletResponse();
    IDS.doFilter(request, response, (req, res) -> {});
    String id = response.getHeader(RequestIds.HEADER);
    request.setDispatcherType(jakarta.servlet.DispatcherType.ERROR);
    AtomicReference<String> idInErrorDispatch = new AtomicReference<>();
    IDS.doFilter(request, response, (req, res) -> idInErrorDispatch.set(MDC.get(RequestIds.MDC_KEY)));
    assertThat(idInErrorDispatch.get()).isEqualTo(id);
  }

  @Test
  void anApiFailureIsAnsweredWithTheIdAndNoInternalsAndLoggedOnce() {
    StaticMessageSource source = new StaticMessageSource();
    source.setUseCodeAsDefaultMessage(true);
    ApiProblemAdvice advice = new ApiProblemAdvice(new Messages(source));
    MDC.put(RequestIds.MDC_KEY, "edge-7f3a9c21");
    try {
      ResponseEntity<ProblemDetail> answer = advice.unexpected(new IllegalStateException("select * from account"));
      assertThat(answer.getStatusCode().value()).isEqualTo(500);
      assertThat(answer.getBody().getProperties()).containsEntry("requestId", "edge-7f3a9c21");
      assertThat(answer.getBody().toString()).doesNotContain("select");
    } finally {
      MDC.remove(RequestIds.MDC_KEY);
    }
    assertThat(logged.list).hasSize(1);
    assertThat(logged.list.getFirst().getFormattedMessage()).contains("edge-7f3a9c21");
    assertThat(logged.list.getFirst().getThrowableProxy()).isNotNull();
  }

  private static MockHttpServletRequest request(String peer, String id) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/profile");
    request.setRemoteAddr(peer);
    if (id != null) {
      request.addHeader(RequestIds.HEADER, id);
    }
    return request;
  }
}
