package org.propusk.authentication.internal;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

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

  /**
   * A new attribute is stored only while its session is: a request that read the session before a
   * parallel one ended it (a sign-out) or replaced it (a sign-in starts a new session) writes its
   * copy back at its end, and its new attribute met the foreign key; on PostgreSQL that aborted the
   * store's transaction, so the request's other attribute writes failed with it, a 500 (issue 15).
   * And an attribute that a parallel request of the same session stored first stays as that request
   * stored it: two requests adding the same one (two tabs getting the session's first code at once)
   * met on the attribute's key. The same on H2 in PostgreSQL mode and on PostgreSQL.
   */
  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesOnlyOfStoredSessions() {
    return sessions ->
        sessions.setCreateSessionAttributeQuery(
            "insert into %TABLE_NAME%_attributes (session_primary_id, attribute_name, attribute_bytes)"
                + " select s.primary_id, a.attribute_name, a.attribute_bytes"
                + " from (select cast(? as char(36)) as primary_id, cast(? as varchar(200)) as attribute_name,"
                + " cast(? as bytea) as attribute_bytes) a"
                + " join %TABLE_NAME% s on s.primary_id = a.primary_id"
                + " on conflict do nothing");
  }
}
