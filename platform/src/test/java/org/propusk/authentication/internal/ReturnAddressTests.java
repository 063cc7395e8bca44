package org.propusk.authentication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnAddressTests {

  @ParameterizedTest
  @ValueSource(strings = {"/", "/account/security", "/oauth2/authorize?client_id=a&redirect_uri=https%3A%2F%2Fx", "/profile?tab=1"})
  void keepsPathsOnThisSite(String path) {
    assertThat(ReturnAddress.of(path)).contains(path);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil.example", "evil.example",
        "javascript:alert(1)", "/a\r\nLocation: https://evil.example", "/ x", "/a#frag", "", " /a",
        "/\tevil"
      })
  void refusesEverythingElse(String candidate) {
    assertThat(ReturnAddress.of(candidate)).as(candidate).isEmpty();
  }

  @Test
  void refusesOverlongAddressesAndNull() {
    assertThat(ReturnAddress.of("/" + "a".repeat(org.propusk.shared.TextLimit.RETURN_ADDRESS.max()))).isEmpty();
    assertThat(ReturnAddress.of(null)).isEmpty();
  }

  @Test
  void resolvesDotSegmentsWithoutLeavingTheSite() {
    assertThat(ReturnAddress.of("/a/../b")).contains("/b");
    assertThat(ReturnAddress.of("/../..//evil.example")).isEmpty();
    assertThat(ReturnAddress.of("/a/..//evil.example")).hasValueSatisfying(p -> assertThat(p).doesNotStartWith("//"));
  }
}
