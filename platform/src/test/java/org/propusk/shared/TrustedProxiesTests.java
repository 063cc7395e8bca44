package org.propusk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTests {

  static final TrustedProxies PROXIES = new TrustedProxies(List.of("10.0.0.0/8", "192.0.2.1", "::1"));

  @Test
  void ignoresForwardedForFromAPeerThatIsNoProxyOfOurs() {
    assertThat(PROXIES.clientAddress("203.0.113.5", List.of("198.51.100.7"))).isEqualTo("203.0.113.5");
  }

  @Test
  void takesTheNearestAddressThatIsNotOneOfOurProxies() {
    assertThat(PROXIES.clientAddress("192.0.2.1", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
    // what the client wrote itself (the left) does not count once a stranger's hop is found
    assertThat(PROXIES.clientAddress("192.0.2.1", List.of("1.1.1.1, 198.51.100.7, 10.1.2.3"))).isEqualTo("198.51.100.7");
    assertThat(PROXIES.clientAddress("192.0.2.1", List.of("1.1.1.1", "198.51.100.7"))).isEqualTo("198.51.100.7");
    assertThat(PROXIES.clientAddress("::1", List.of("2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
  }

  @Test
  void takesTheFarthestAddressWhenEveryHopIsOurs() {
    assertThat(PROXIES.clientAddress("192.0.2.1", List.of("10.0.0.9, 10.0.0.8"))).isEqualTo("10.0.0.9");
  }

  @Test
  void ignoresAHeaderThatIsNotMadeOfAddresses() {
    for (String unreadable :
        List.of(
            "x".repeat(5000),
            "198.51.100.7, garbage",
            "localhost",
            "example.org",
            "198.51.100.256",
            "198.51.100.7:8080",
            "fe80::1%eth0",
            "",
            " , ",
            ".:")) {
      assertThat(PROXIES.clientAddress("192.0.2.1", List.of(unreadable))).as(unreadable).isEqualTo("192.0.2.1");
    }
  }

  @Test
  void letsNothingAClientWritesBeforeItsOwnAddressMoveTheAnswer() {
    // junk, names or a long chain to the left of what our proxy appended: still the client itself
    assertThat(PROXIES.clientAddress("192.0.2.1", List.of("x, 198.51.100.7"))).isEqualTo("198.51.100.7");
    assertThat(PROXIES.clientAddress("192.0.2.1", List.of("localhost", "198.51.100.7"))).isEqualTo("198.51.100.7");
    assertThat(PROXIES.clientAddress("192.0.2.1", List.of("1.1.1.1,".repeat(30) + "198.51.100.7")))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void refusesAProxyThatIsNoAddress() {
    assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.internal"))).hasMessageContaining("proxy.internal");
  }
}
