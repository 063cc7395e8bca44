package org.propusk.shared;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Refuses, before anything reads them, the parts of a request that the servlet container and the
 * framework would otherwise fail on with a 500 (issue 15): a content type that is unreadable, a
 * wildcard or multipart without a boundary (415); a query or form with broken percent-encoding or
 * bytes that are not UTF-8 (400). And it makes the request's locales safe to ask for: Tomcat throws
 * on more than ten in {@code Accept-Language}, and then every later reader fails, the error page
 * too; such a request simply gets the default language. The refusals go through {@code sendError},
 * so the answer is the usual problem document or error page.
 */
@Configuration(proxyBeanMethods = false)
class HostileRequestGuard implements Filter {

  /** Marks a refused request, so that its error dispatch reads neither its parameters nor its body. */
  private static final String REFUSED = HostileRequestGuard.class.getName() + ".refused";

  @Bean
  static FilterRegistrationBean<HostileRequestGuard> hostileRequestGuardRegistration() {
    FilterRegistrationBean<HostileRequestGuard> registration = new FilterRegistrationBean<>(new HostileRequestGuard());
    // after the character encoding filter (a form read before it would be decoded as Latin-1), and
    // before the session, security and observation filters, which read locales and parameters
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    // the error dispatch reads the locale again, from the container's own request
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    return registration;
  }

  @Override
  public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = new SafeRequest((HttpServletRequest) servletRequest);
    HttpServletResponse response = (HttpServletResponse) servletResponse;
    if (request.getDispatcherType() == DispatcherType.REQUEST) {
      if (!readableContentType(request.getContentType())) {
        refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
        return;
      }
      if (!wellEncoded(request.getQueryString()) || !parametersReadable(request)) {
        refuse(request, response, HttpServletResponse.SC_BAD_REQUEST);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
    request.setAttribute(REFUSED, Boolean.TRUE);
    response.sendError(status);
  }

  static boolean readableContentType(String contentType) {
    if (contentType == null) {
      return true;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      if (type.isWildcardType() || type.isWildcardSubtype()) {
        return false;
      }
      String boundary = type.getParameter("boundary");
      return !"multipart".equals(type.getType()) || (boundary != null && !boundary.isBlank());
    } catch (InvalidMediaTypeException unreadable) {
      return false;
    }
  }

  /** Every {@code %} starts two hex digits, and what they spell is UTF-8. */
  static boolean wellEncoded(String query) {
    if (query == null) {
      return true;
    }
    ByteBuffer bytes = ByteBuffer.allocate(query.length());
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '%') {
        if (i + 2 >= query.length() || !HexFormat.isHexDigit(query.charAt(i + 1)) || !HexFormat.isHexDigit(query.charAt(i + 2))) {
          return false;
        }
        bytes.put((byte) HexFormat.fromHexDigits(query, i + 1, i + 3));
        i += 2;
      } else if (c > 0x7f) {
        return false; // a raw byte beyond ASCII is not a valid URI character
      } else {
        bytes.put((byte) c);
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes.flip());
      return true;
    } catch (CharacterCodingException notUtf8) {
      return false;
    }
  }

  /** A form body with broken encoding makes the container fail at the first parameter asked for. */
  private static boolean parametersReadable(HttpServletRequest request) {
    if (request.getContentType() == null
        || !MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(request.getContentType()))) {
      return true;
    }
    try {
      request.getParameterMap();
      return true;
    } catch (IllegalStateException | IllegalArgumentException broken) {
      return false;
    }
  }

  /**
   * Locales that never throw: what the container cannot parse counts as not given. On the error
   * dispatch of a refused request its content type and parameters are hidden too, or the framework
   * would parse them again (the locale interceptor reads {@code lang}) and fail the error answer itself.
   */
  private static final class SafeRequest extends HttpServletRequestWrapper {

    SafeRequest(HttpServletRequest request) {
      super(request);
    }

    private boolean hidesRefusedInput() {
      return getDispatcherType() == DispatcherType.ERROR && getAttribute(REFUSED) != null;
    }

    @Override
    public String getParameter(String name) {
      return hidesRefusedInput() ? null : super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return hidesRefusedInput() ? Map.of() : super.getParameterMap();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return hidesRefusedInput() ? Collections.emptyEnumeration() : super.getParameterNames();
    }

    @Override
    public String[] getParameterValues(String name) {
      return hidesRefusedInput() ? null : super.getParameterValues(name);
    }

    @Override
    public String getContentType() {
      return hidesRefusedInput() ? null : super.getContentType();
    }

    @Override
    public String getHeader(String name) {
      return "Content-Type".equalsIgnoreCase(name) && hidesRefusedInput() ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "Content-Type".equalsIgnoreCase(name) && hidesRefusedInput() ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Locale getLocale() {
      try {
        return super.getLocale();
      } catch (IllegalArgumentException unreadable) {
        return WebConfiguration.RUSSIAN;
      }
    }

    @Override
    public Enumeration<Locale> getLocales() {
      try {
        return super.getLocales();
      } catch (IllegalArgumentException unreadable) {
        return Collections.enumeration(List.of(WebConfiguration.RUSSIAN));
      }
    }
  }
}
