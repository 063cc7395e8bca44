package org.propusk.authentication.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import ua_parser.OS;
import ua_parser.OSParser;
import ua_parser.Parser;
import ua_parser.UserAgent;
import ua_parser.UserAgentParser;

/**
 * A user agent in plain words ("Chrome 131, Windows"), through the maintained ua-parser rules,
 * so that a citizen recognises their own devices in the list of sessions. Only the browser and
 * system rules are loaded: the device rules (over 600 patterns) would cost heap and a regular
 * expression match each per sign-in for a part that is never shown.
 */
@Component
class DeviceNames {

  private static final String RULES = "/ua_parser/regexes.yaml";
  private static final String UNKNOWN = "Other";

  private final UserAgentParser browsers;
  private final OSParser systems;

  DeviceNames() {
    try (InputStream rules = Parser.class.getResourceAsStream(RULES)) {
      if (rules == null) {
        throw new IllegalStateException("ua-parser rules not on the classpath: " + RULES);
      }
      Map<String, List<Map<String, String>>> parsers =
          new Yaml(new SafeConstructor(Parser.getDefaultLoaderOptions())).load(rules);
      this.browsers = UserAgentParser.fromList(parsers.get("user_agent_parsers"));
      this.systems = OSParser.fromList(parsers.get("os_parsers"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the ua-parser rules " + RULES, e);
    }
  }

  /** Empty when neither the browser nor the system is recognised. */
  Optional<String> describe(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return Optional.empty();
    }
    UserAgent agent = browsers.parse(userAgent);
    OS os = systems.parse(userAgent);
    String browser =
        UNKNOWN.equals(agent.family) ? null : agent.family + (agent.major == null ? "" : " " + agent.major);
    String system = UNKNOWN.equals(os.family) ? null : os.family;
    String words = Stream.of(browser, system).filter(part -> part != null).collect(Collectors.joining(", "));
    return words.isEmpty() ? Optional.empty() : Optional.of(words);
  }
}
