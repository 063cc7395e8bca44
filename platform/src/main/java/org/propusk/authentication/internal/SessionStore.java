package org.propusk.authentication.internal;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionIdGenerator;

/**
 * Sessions live in the database (Spring Session JDBC, table {@code spring_session}), so that any
 * node serves any citizen. The cookie, the idle timeout and the table come from Boot's settings
 * ({@code server.servlet.session.*}, {@code spring.session.jdbc.*}); the ids come from here.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

  /** 256 bits from the CSPRNG per id, above the baseline's 128 (a UUID carries only 122). */
  @Bean
  SessionIdGenerator randomSessionIds() {
    SecureRandom random = new SecureRandom();
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    return () -> {
      byte[] id = new byte[32];
      random.nextBytes(id);
      return encoder.encodeToString(id);
    };
  }
}
