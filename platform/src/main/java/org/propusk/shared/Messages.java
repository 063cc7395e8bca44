package org.propusk.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns violation codes and problems into the citizen's language. */
@Component
public class Messages {

  private final MessageSource source;

  Messages(MessageSource source) {
    this.source = source;
  }

  public String violation(Violation violation) {
    Locale locale = LocaleContextHolder.getLocale();
    try {
      return source.getMessage(
          "violation." + violation.field() + "." + violation.code(), null, locale);
    } catch (NoSuchMessageException e) {
      return source.getMessage("violation." + violation.code(), null, violation.code(), locale);
    }
  }

  public String title(Problem problem) {
    return get("problem." + problem.type() + ".title");
  }

  public String detail(Problem problem) {
    return source.getMessage(
        "problem." + problem.type() + ".detail",
        problem.detailArguments(),
        "",
        LocaleContextHolder.getLocale());
  }

  public String get(String key, Object... args) {
    return in(LocaleContextHolder.getLocale(), key, args);
  }

  /** A message in a given language, e.g. the one a citizen registered in. */
  public String in(Locale locale, String key, Object... args) {
    return source.getMessage(key, args, key, locale);
  }
}
