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

  /**
   * Waits for the n-th message (1-based) to the contact that carries a code, and returns that
   * code. Only such messages count: notices (a sign-in from a new device, a changed password) may
   * arrive in between.
   */
  public String awaitCode(String recipient, int count) {
    return extract(CODE, awaitNth(recipient, count, CODE));
  }

  /** As {@link #awaitCode}, for the n-th letter carrying a registration link. */
  public String awaitLink(String recipient, int count) {
    return extract(LINK, awaitNth(recipient, count, LINK));
  }

  /** The code in the newest message to the contact that contains the text, once there is one. */
  public String awaitCodeIn(String recipient, String text) {
    return extract(CODE, awaitMessageContaining(recipient, text));
  }

  /** Waits for a message to the contact containing the text; returns the newest such body. */
  public String awaitMessageContaining(String recipient, String text) {
    await()
        .atMost(Waits.BACKGROUND)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> bodiesTo(recipient).stream().anyMatch(body -> body.contains(text)));
    return bodiesTo(recipient).stream().filter(body -> body.contains(text)).findFirst().orElseThrow();
  }

  private String awaitNth(String recipient, int count, Pattern carrying) {
    await()
        .atMost(Waits.BACKGROUND)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> carrying(recipient, carrying).size() >= count);
    return carrying(recipient, carrying).getFirst();
  }

  /** Newest first. */
  private List<String> carrying(String recipient, Pattern pattern) {
    return bodiesTo(recipient).stream().filter(body -> pattern.matcher(body).find()).toList();
  }

  private List<String> bodiesTo(String recipient) {
    return messagesTo(recipient).stream().map(m -> m.get("body").asString()).toList();
  }

  private static String extract(Pattern pattern, String body) {
    Matcher matcher = pattern.matcher(body);
    if (!matcher.find()) {
      throw new AssertionError("nothing like " + pattern + " in " + body);
    }
    return matcher.group(1);
  }
}
