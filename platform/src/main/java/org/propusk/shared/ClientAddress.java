package org.propusk.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one place that decides the client address of a request (see {@link TrustedProxies}), before
 * anything else runs: afterwards {@code request.getRemoteAddr()} is that address everywhere, and
 * {@link #current()} gives it to code that has no request at hand. {@code X-Forwarded-Proto} is
 * honoured from the same proxies only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ClientAddress extends OncePerRequestFilter {

  private final TrustedProxies proxies;

  ClientAddress(Settings settings) {
    this.proxies = new TrustedProxies(settings.trustedProxies() == null ? List.of() : settings.trustedProxies());
  }

  /** @param trustedProxies addresses or CIDR ranges of our own reverse proxies; none by default */
  @ConfigurationProperties("propusk.web")
  record Settings(List<String> trustedProxies) {}

  /** The client address of the request being served on this thread, if any. */
  public static Optional<String> current() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? Optional.of(attributes.getRequest().getRemoteAddr())
        : Optional.empty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String peer = request.getRemoteAddr();
    String client = proxies.clientAddress(peer, Collections.list(request.getHeaders("X-Forwarded-For")));
    boolean https = proxies.trusted(peer) && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public String getRemoteAddr() {
            return client;
          }

          @Override
          public String getRemoteHost() {
            return client;
          }

          @Override
          public boolean isSecure() {
            return https || super.isSecure();
          }

          @Override
          public String getScheme() {
            return https ? "https" : super.getScheme();
          }

          @Override
          public int getServerPort() {
            return https ? 443 : super.getServerPort();
          }
        },
        response);
  }
}
