package org.propusk.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants to and from {@code timestamp with time zone} columns, the same way on H2 and PostgreSQL
 * and independent of the JVM's time zone.
 */
public final class DbTime {

  private DbTime() {}

  /** Truncated to microseconds, the precision both databases keep (they would round instead). */
  public static OffsetDateTime of(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  public static Instant read(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
