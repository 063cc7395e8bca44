package org.propusk.federation.internal.server;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Where userinfo finds the access token: the {@code Authorization} header, or the {@code
 * access_token} field of a POSTed form (OpenID Connect Core 5.3.1, RFC 6750 2.2), never the query.
 * Spring's resolver can read the form too, but only when the content type is exactly {@code
 * application/x-www-form-urlencoded}: clients that add {@code ; charset=UTF-8} (the Nimbus SDK
 * does) would get 401. Both a header and a field, or the field twice: {@code invalid_request}.
 */
final class BearerTokens implements BearerTokenResolver {

  private static final String FIELD = "access_token";
  private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

  @Override
  public String resolve(HttpServletRequest request) {
    String fromHeader = header.resolve(request);
    String fromBody = fromForm(request);
    if (fromHeader != null && fromBody != null) {
      throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest("Found multiple bearer tokens in the request"));
    }
    return fromHeader != null ? fromHeader : fromBody;
  }

  private static String fromForm(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod()) || !isForm(request.getContentType())) {
      return null;
    }
    if (request.getQueryString() != null && request.getQueryString().contains(FIELD)) {
      // a token in the address would end up in logs: not taken from there, not from the form either
      throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest("The access token goes in the header or the body"));
    }
    String[] values = request.getParameterValues(FIELD);
    if (values == null) {
      return null;
    }
    if (values.length != 1 || values[0].isBlank()) {
      throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest("One access_token field is expected"));
    }
    return values[0];
  }

  private static boolean isForm(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      return MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
    } catch (InvalidMediaTypeException notAType) {
      return false;
    }
  }
}
