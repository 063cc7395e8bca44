package org.propusk.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole platform on a random port, with a movable clock and a {@link Rendezvous} for races. All
 * tests with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import({PropuskIntegrationTest.Clocks.class, Rendezvous.class})
public @interface PropuskIntegrationTest {

  @TestConfiguration(proxyBeanMethods = false)
  class Clocks {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock();
    }
  }
}
