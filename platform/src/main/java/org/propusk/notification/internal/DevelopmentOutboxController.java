package org.propusk.notification.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.propusk.shared.DbTime;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The development outbox: the messages "sent", newest first, so that codes can be read without a
 * phone or a mailbox. Exists only in the {@code dev} profile.
 */
@Controller
@Profile("dev")
class DevelopmentOutboxController {

  private final JdbcClient jdbc;

  DevelopmentOutboxController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record SentMessage(
      UUID id, String channel, String to, String subject, String body, Instant createdAt) {}

  @GetMapping("/dev/outbox")
  @ResponseBody
  List<SentMessage> messages() {
    return jdbc.sql(
            """
            select id, channel, recipient, subject, body, created_at from notification_message
            order by seq desc limit 200
            """)
        .query(
            (rs, row) ->
                new SentMessage(
                    rs.getObject("id", UUID.class),
                    rs.getString("channel").toLowerCase(java.util.Locale.ROOT),
                    rs.getString("recipient"),
                    rs.getString("subject"),
                    rs.getString("body"),
                    DbTime.read(rs, "created_at")))
        .list();
  }

  @GetMapping("/dev/outbox/view")
  String page(Model model) {
    model.addAttribute("messages", messages());
    return "notification/outbox";
  }
}
