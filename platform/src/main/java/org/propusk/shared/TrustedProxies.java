package org.propusk.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Decides a request's client address: the direct peer, unless the peer is a proxy named in
 * configuration, in which case the nearest address in {@code X-Forwarded-For} that is not one of
 * those proxies. A header with anything but IP addresses in it is ignored as a whole: a client can
 * always write the header, and a value we cannot read must not decide anything.
 */
final class TrustedProxies {

  /** Longer chains than this are not a real deployment's, and are not worth parsing. */
  private static final int MAX_HOPS = 20;

  private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

  private final List<IpAddressMatcher> proxies;

  /** @param proxies addresses or CIDR ranges, e.g. {@code 10.0.0.0/8}, {@code ::1} */
  TrustedProxies(List<String> proxies) {
    this.proxies =
        proxies.stream()
            .filter(proxy -> !proxy.isBlank())
            .map(
                proxy -> {
                  if (literal(proxy.strip().replaceFirst("/\\d{1,3}$", "")).isEmpty()) {
                    throw new IllegalArgumentException("propusk.web.trusted-proxies: not an address or range: " + proxy);
                  }
                  return new IpAddressMatcher(proxy.strip());
                })
            .toList();
  }

  /**
   * @param peer the address the connection came from
   * @param forwardedFor every {@code X-Forwarded-For} header, in order
   */
  String clientAddress(String peer, List<String> forwardedFor) {
    if (!trusted(peer) || forwardedFor.isEmpty()) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",", MAX_HOPS + 1)) {
        Optional<String> address = literal(hop.strip());
        if (address.isEmpty() || hops.size() == MAX_HOPS) {
          return peer;
        }
        hops.add(address.get());
      }
    }
    // from the nearest hop outwards: the first one that is not our own proxy is the client
    for (int i = hops.size() - 1; i > 0; i--) {
      if (!trusted(hops.get(i))) {
        return hops.get(i);
      }
    }
    return hops.getFirst();
  }

  boolean trusted(String address) {
    return proxies.stream().anyMatch(proxy -> proxy.matches(address));
  }

  /** The address in its usual form, when the text is an IP literal (never a name to look up). */
  private static Optional<String> literal(String text) {
    boolean v4 = IPV4.matcher(text).matches();
    if (!v4 && !(text.contains(":") && IPV6.matcher(text).matches())) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text).getHostAddress());
    } catch (UnknownHostException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
