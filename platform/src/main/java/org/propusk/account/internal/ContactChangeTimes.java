package org.propusk.account.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** When a pending change takes effect, in words for the pages: "3 декабря в 14:05" (Moscow time). */
final class ContactChangeTimes {

  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  private ContactChangeTimes() {}

  static String inWords(Instant at, Locale locale) {
    boolean russian = !"en".equals(locale.getLanguage());
    String pattern = russian ? "d MMMM 'в' HH:mm" : "d MMMM 'at' HH:mm";
    return DateTimeFormatter.ofPattern(pattern, russian ? Locale.forLanguageTag("ru") : Locale.ENGLISH)
        .withZone(MOSCOW)
        .format(at);
  }
}
