package org.propusk.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id ({@code X-Request-Id}): the one a trusted proxy sent, when it looks
 * like an id, otherwise a new one. It is in every answer, in the log's MDC ({@code requestId})
 * while the request is served, and in every 500 answer, so that a citizen's report and the log
 * line meet. A failure that escapes the controllers (a page, a filter) is logged here, once, with
 * its stack trace, and answered by the error page; the API's own handler logs those it answers.
 */
// before ClientAddress, which hides the peer that decides whether the header is trusted
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";
  private static final String ATTRIBUTE = RequestIds.class.getName();

  /** What a proxy's id may look like: UUIDs, hex, base64url; short, so it cannot flood a log line. */
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private static final Logger log = LoggerFactory.getLogger(RequestIds.class);

  private final TrustedProxies proxies;

  RequestIds(ClientAddress.Settings settings) {
    this.proxies = new TrustedProxies(settings.trustedProxies() == null ? List.of() : settings.trustedProxies());
  }

  /** The id of the request being served on this thread, if any. */
  public static Optional<String> current() {
    return Optional.ofNullable(MDC.get(MDC_KEY))
        .or(
            () ->
                RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                    ? Optional.ofNullable((String) attributes.getRequest().getAttribute(ATTRIBUTE))
                    : Optional.empty());
  }

  /** The id of this request (also during its error dispatch). */
  public static Optional<String> of(HttpServletRequest request) {
    return Optional.ofNullable((String) request.getAttribute(ATTRIBUTE));
  }

  // the error dispatch runs after this filter's first pass has cleared the MDC: set it again
  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = of(request).orElseGet(() -> decide(request));
    request.setAttribute(ATTRIBUTE, id);
    if (!response.containsHeader(HEADER)) {
      response.setHeader(HEADER, id);
    }
    MDC.put(MDC_KEY, id);
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (response.isCommitted()) {
        throw e;
      }
      // logged here once, so that the container does not log it again without the id
      // no path in the line: some carry link tokens
      log.error("Unexpected failure while answering a request (request {})", id, e);
      response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  String decide(HttpServletRequest request) {
    String offered = request.getHeader(HEADER);
    if (offered != null && ACCEPTABLE.matcher(offered).matches() && proxies.trusted(request.getRemoteAddr())) {
      return offered;
    }
    return UUID.randomUUID().toString();
  }
}
