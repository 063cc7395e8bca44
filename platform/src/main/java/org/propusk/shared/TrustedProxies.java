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
 * those proxies. Only IP literals count (never a name to look up); a client can always write the
 * left of the header, so nothing there can move the answer away from its own address.
 */
final class TrustedProxies {

  /** Longer chains than this are not a real deployment's, and are not worth parsing. */
  private static final int MAX_HOPS = 20;

  private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  /** Starts with a hex digit or a colon: a leading dot would make the resolver look a name up. */
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]{1,44}");

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
      hops.addAll(List.of(header.split(",", -1)));
    }
    // From the nearest hop outwards, while the address at hand is one of our proxies, it tells
    // who came before it. The first stranger is the client; what lies to its left, the client
    // wrote itself and decides nothing. A hop our own proxy passed on that we cannot read ends the
    // walk at that proxy.
    String client = peer;
    for (int i = hops.size() - 1, read = 0; i >= 0 && read < MAX_HOPS; i--, read++) {
      Optional<String> address = literal(hops.get(i).strip());
      if (address.isEmpty()) {
        return client;
      }
      client = address.get();
      if (!trusted(client)) {
        return client;
      }
    }
    return client;
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
