package org.propusk.authentication.internal;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * A user agent in plain words ("Chrome 131, Windows"), through the maintained ua-parser rules,
 * so that a citizen recognises their own devices in the list of sessions.
 */
@Component
class DeviceNames {

  private static final String UNKNOWN = "Other";

  private final Parser parser = new Parser();

  /** Empty when neither the browser nor the system is recognised. */
  Optional<String> describe(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return Optional.empty();
    }
    Client client = parser.parse(userAgent);
    String browser =
        UNKNOWN.equals(client.userAgent.family)
            ? null
            : client.userAgent.family + (client.userAgent.major == null ? "" : " " + client.userAgent.major);
    String system = UNKNOWN.equals(client.os.family) ? null : client.os.family;
    String words = Stream.of(browser, system).filter(part -> part != null).collect(Collectors.joining(", "));
    return words.isEmpty() ? Optional.empty() : Optional.of(words);
  }
}
