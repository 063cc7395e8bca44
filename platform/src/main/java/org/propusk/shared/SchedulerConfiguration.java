package org.propusk.shared;

import com.github.kagkarlsson.scheduler.boot.autoconfigure.Jackson3Serializer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Background jobs keep their data as JSON (Jackson 3, as the rest of Boot 4), not Java serialisation. */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

  @Bean
  DbSchedulerCustomizer jsonTaskData() {
    return new DbSchedulerCustomizer() {
      @Override
      public Optional<Serializer> serializer() {
        return Optional.of(new Jackson3Serializer());
      }
    };
  }
}
