package org.propusk.federation.internal.clients;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Lets a {@code private_key_jwt} request leave {@code client_id} out, as RFC 7523 allows and
 * relying-party libraries (Nimbus among them) do, where Spring's converter requires it: the client
 * is then the assertion's {@code sub}. That claim only picks the client whose keys are tried; the
 * decoder then checks the signature and that {@code iss} and {@code sub} are that client.
 */
public final class AssertionClientId implements AuthenticationConverter {

  private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private final AuthenticationConverter delegate;

  public AssertionClientId(AuthenticationConverter delegate) {
    this.delegate = delegate;
  }

  @Override
  public Authentication convert(HttpServletRequest request) {
    String assertion = request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION);
    if (request.getParameter(OAuth2ParameterNames.CLIENT_ID) != null
        || !JWT_BEARER.equals(request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE))
        || assertion == null) {
      return delegate.convert(request);
    }
    String subject;
    try {
      subject = SignedJWT.parse(assertion).getJWTClaimsSet().getSubject();
    } catch (ParseException notAJwt) {
      subject = null;
    }
    return delegate.convert(subject == null ? request : withClientId(request, subject));
  }

  private static HttpServletRequest withClientId(HttpServletRequest request, String clientId) {
    Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
    parameters.put(OAuth2ParameterNames.CLIENT_ID, new String[] {clientId});
    Map<String, String[]> fixed = Collections.unmodifiableMap(parameters);
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getParameter(String name) {
        String[] values = fixed.get(name);
        return values == null || values.length == 0 ? null : values[0];
      }

      @Override
      public Map<String, String[]> getParameterMap() {
        return fixed;
      }

      @Override
      public String[] getParameterValues(String name) {
        return fixed.get(name);
      }

      @Override
      public java.util.Enumeration<String> getParameterNames() {
        return Collections.enumeration(fixed.keySet());
      }
    };
  }
}
