package org.propusk.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string the JSON API reads is well-formed UTF-16 (issue 15). JSON may escape a lone
 * surrogate ({@code "\ud800"}), which no character encoding can carry further: the password hash,
 * the database and the mail would each fail on it in their own way. Refused here, once, it is
 * answered 422 next to its field ({@link ApiProblemAdvice}) before any rule or step sees it.
 */
@Configuration(proxyBeanMethods = false)
class WellFormedText {

  /** Code of the field error; its message is {@code violation.malformed_text}. */
  static final String MALFORMED = "malformed_text";

  /** Boot registers every {@link JacksonModule} bean with the application's {@code JsonMapper}. */
  @Bean
  JacksonModule wellFormedStrings() {
    return new SimpleModule("propusk-well-formed-text").addDeserializer(String.class, new Reader());
  }

  static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Jackson's own string reading, then the check; the exception carries the field's path. */
  static final class Reader extends StringDeserializer {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String text = super.deserialize(parser, context);
      if (text != null && !wellFormed(text)) {
        throw InvalidFormatException.from(parser, MALFORMED, text, String.class);
      }
      return text;
    }
  }
}
