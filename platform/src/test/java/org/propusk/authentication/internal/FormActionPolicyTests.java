package org.propusk.authentication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.propusk.shared.ContentSecurityPolicy;
import org.springframework.mock.web.MockHttpServletResponse;

class FormActionPolicyTests {

  static final String RETURN = "/oauth2/authorize?client_id=a";

  @ParameterizedTest
  @CsvSource({
    "https://rp.example/callback, https://rp.example",
    "https://rp.example:8443/callback?x=1, https://rp.example:8443",
    "HTTPS://RP.Example/callback, https://rp.example",
    "https://someone@rp.example/callback, https://rp.example",
    "http://127.0.0.1:8080/callback, http://127.0.0.1:8080",
    "'http://[::1]:8080/callback', 'http://[::1]:8080'"
  })
  void addsTheOriginOfTheDestinationOnly(String destination, String origin) {
    assertThat(policyFor(destination)).isEqualTo(ContentSecurityPolicy.DEFAULT + " " + origin);
  }

  @ParameterizedTest
  @ValueSource(strings = {"com.example.app:/callback", "https://rp.example;script-src*/x", "file:///etc/passwd", "urn:x:y"})
  void addsNothingThatIsNotAPlainWebOrigin(String destination) {
    assertThat(policyFor(destination)).isNull();
  }

  @Test
  void leavesThePortalsPolicyWhenTheReturnAddressStaysHere() {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new FormActionPolicy(List.of(address -> Optional.empty())).forFormsReturningTo(RETURN, response);
    new FormActionPolicy(List.of(address -> Optional.of(URI.create("https://rp.example/cb")))).forFormsReturningTo(null, response);
    new FormActionPolicy(List.of()).forFormsReturningTo(RETURN, response);
    assertThat(response.getHeader("Content-Security-Policy")).isNull();
  }

  /** The page's policy when the return address goes on to {@code destination}; null when left to the default. */
  private static String policyFor(String destination) {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new FormActionPolicy(List.of(address -> address.equals(RETURN) ? Optional.of(URI.create(destination)) : Optional.empty()))
        .forFormsReturningTo(RETURN, response);
    return response.getHeader("Content-Security-Policy");
  }
}
