package org.propusk.verification.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

/** {@code propusk.verification.registry} chooses one adapter that serves both ports. */
class RegistryAdaptersTests {

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          // as SpringApplication does, so that "2s" binds to a Duration
          .withInitializer(
              context ->
                  context
                      .getBeanFactory()
                      .setConversionService(ApplicationConversionService.getSharedInstance()))
          .withConfiguration(AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class))
          .withUserConfiguration(RegistryAdapters.class)
          .withBean(RestClient.Builder.class, RestClient::builder);

  @Test
  void sandboxServesBothPortsFromTheBundledDataset() {
    runner
        .withPropertyValues("propusk.verification.registry=sandbox")
        .run(
            context -> {
              assertThat(context).hasSingleBean(SandboxRegistry.class);
              assertThat(context.getBean(PensionFundRegistry.class))
                  .isSameAs(context.getBean(InteriorMinistryRegistry.class));
              assertThat(context.getBean(SandboxRegistry.class).size())
                  .isGreaterThanOrEqualTo(10_000);
              assertThat(
                      context
                          .getBean(PensionFundRegistry.class)
                          .checkSnils(
                              new SnilsQuery(
                                  "11223344595",
                                  "Иванов",
                                  "Иван",
                                  "Иванович",
                                  LocalDate.of(1985, 4, 12))))
                  .isEqualTo(RegistryAnswer.VERIFIED);
            });
  }

  @Test
  void sandboxTakesItsOutageRateFromConfiguration() {
    runner
        .withPropertyValues(
            "propusk.verification.registry=sandbox",
            "propusk.verification.sandbox.latency=0s",
            "propusk.verification.sandbox.outage-rate=1.0")
        .run(
            context ->
                assertThatThrownBy(
                        () ->
                            context
                                .getBean(InteriorMinistryRegistry.class)
                                .checkPassport(SandboxRegistryTests.IVANOV_PASSPORT))
                    .isInstanceOf(RegistryUnavailable.class));
  }

  @Test
  void httpServesBothPortsThroughTheGateway() {
    runner
        .withPropertyValues(
            "propusk.verification.registry=http",
            "propusk.verification.http.base-url=http://127.0.0.1:9/registry",
            "propusk.verification.http.token=secret",
            "propusk.verification.http.read-timeout=3s")
        .run(
            context -> {
              assertThat(context).hasSingleBean(HttpRegistryGateway.class);
              assertThat(context).doesNotHaveBean(SandboxRegistry.class);
              assertThat(context.getBean(PensionFundRegistry.class))
                  .isSameAs(context.getBean(InteriorMinistryRegistry.class));
            });
  }

  @Test
  void httpRefusesToStartWithoutABaseUrl() {
    runner
        .withPropertyValues("propusk.verification.registry=http")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("propusk.verification.http.base-url"));
  }

  @Test
  void withoutAChoiceThereIsNoRegistry() {
    runner.run(context -> assertThat(context).doesNotHaveBean(PensionFundRegistry.class));
  }
}
