package org.propusk.test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of its own for a test context whose background workers must not meet those of the
 * shared context: another in-memory H2, or another schema of the PostgreSQL test database.
 */
public final class TestDatabases {

  private TestDatabases() {}

  public static void isolate(DynamicPropertyRegistry registry, String name) {
    properties(name).forEach((key, value) -> registry.add(key, () -> value));
  }

  /** Whether the tests run against PostgreSQL (the {@code pg} profile) instead of H2. */
  public static boolean postgres() {
    return Arrays.asList(System.getProperty("spring.profiles.active", "").split(",")).contains("pg");
  }

  /**
   * Whether a connection is inside a statement that starts so (lower case), for a test that holds a
   * lock and must know that the platform has come to wait for it. Each database shows its sessions'
   * statements in its own view.
   */
  public static boolean executing(JdbcClient jdbc, String statementStart) {
    String sessions =
        postgres()
            ? "select count(*) from pg_stat_activity where state = 'active' and lower(query) like :statement"
            : "select count(*) from information_schema.sessions where lower(executing_statement) like :statement";
    return jdbc.sql(sessions).param("statement", statementStart + "%").query(Long.class).single() > 0;
  }

  /** The properties that point a context at the isolated database {@code name}. */
  public static Map<String, String> properties(String name) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (postgres()) {
      String base = System.getenv().getOrDefault("PROPUSK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
      properties.put("spring.datasource.url", base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name);
      properties.put("spring.flyway.default-schema", name);
    } else {
      properties.put(
          "spring.datasource.url",
          "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }
    return properties;
  }
}
