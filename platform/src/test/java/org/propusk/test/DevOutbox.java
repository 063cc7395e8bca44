package org.propusk.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads the development outbox the way a developer does: the newest message to a contact. */
public final class DevOutbox {

  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
  private static final Pattern LINK = Pattern.compile("(https?://\\S+/register/email/\\S+)");

  private final ApiClient client;

  public DevOutbox(int port) {
    this.client = new ApiClient(port);
  }

  public List<JsonNode> messagesTo(String recipient) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode message : client.get("/dev/outbox").json()) {
      if (message.get("to").asString().equals(recipient)) {
        found.add(message);
      }
    }
    return found;
  }

  /** Waits for the n-th message (1-based) to the contact and returns the newest message body. */
  public String awaitMessage(String recipient, int count) {
    await()
        .atMost(Waits.BACKGROUND)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> messagesTo(recipient).size() >= count);
    return messagesTo(recipient).getFirst().get("body").asString();
  }

  public String awaitCode(String recipient, int count) {
    return extract(CODE, awaitMessage(recipient, count));
  }

  public String awaitLink(String recipient, int count) {
    return extract(LINK, awaitMessage(recipient, count));
  }

  private static String extract(Pattern pattern, String body) {
    Matcher matcher = pattern.matcher(body);
    if (!matcher.find()) {
      throw new AssertionError("nothing like " + pattern + " in " + body);
    }
    return matcher.group(1);
  }
}
