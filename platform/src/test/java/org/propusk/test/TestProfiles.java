package org.propusk.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Tests run with {@code dev} (sandbox gateways, development outbox) and {@code test}; profiles given
 * on the command line ({@code -Dspring.profiles.active=pg}) are added, so that the same suite runs
 * against PostgreSQL. While Jazzer fuzzes ({@code JAZZER_FUZZ}, the fuzz Maven profile) {@code fuzz}
 * is added too: a cheap password hash and limits out of reach (application-fuzz.yaml).
 */
public class TestProfiles implements ActiveProfilesResolver {

  @Override
  public String[] resolve(Class<?> testClass) {
    List<String> profiles = new ArrayList<>(List.of("dev", "test"));
    if (System.getenv("JAZZER_FUZZ") != null) {
      profiles.add("fuzz");
    }
    String extra = System.getProperty("spring.profiles.active", "");
    Arrays.stream(extra.split(","))
        .map(String::strip)
        .filter(p -> !p.isEmpty() && !profiles.contains(p))
        .forEach(profiles::add);
    return profiles.toArray(String[]::new);
  }
}
