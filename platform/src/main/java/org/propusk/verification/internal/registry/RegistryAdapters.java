package org.propusk.verification.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Random;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.client.RestClient;

/**
 * Chooses where {@link PensionFundRegistry} and {@link InteriorMinistryRegistry} are answered, with
 * {@code propusk.verification.registry}: {@code sandbox} (the bundled fictional citizens) or {@code
 * http} (an external registry gateway). One bean implements both ports.
 */
@Configuration(proxyBeanMethods = false)
class RegistryAdapters {

  @Bean
  @ConditionalOnProperty(name = "propusk.verification.registry", havingValue = "sandbox")
  SandboxRegistry sandboxRegistry(
      @Value("${propusk.verification.sandbox.dataset:classpath:" + SandboxRegistry.DATASET + "}")
          Resource dataset,
      @Value("${propusk.verification.sandbox.latency:0s}") Duration latency,
      @Value("${propusk.verification.sandbox.outage-rate:0}") double outageRate)
      throws IOException {
    try (InputStream in = dataset.getInputStream()) {
      // java.util.Random is safe for the concurrent check jobs; which calls fail need no secrecy
      return new SandboxRegistry(
          SandboxRegistry.readDataset(in), latency, outageRate, new Random());
    }
  }

  @Bean
  @ConditionalOnProperty(name = "propusk.verification.registry", havingValue = "http")
  HttpRegistryGateway httpRegistryGateway(
      RestClient.Builder builder,
      @Value("${propusk.verification.http.base-url}") String baseUrl,
      @Value("${propusk.verification.http.token:}") String token,
      @Value("${propusk.verification.http.connect-timeout:2s}") Duration connectTimeout,
      @Value("${propusk.verification.http.read-timeout:10s}") Duration readTimeout) {
    return HttpRegistryGateway.create(builder, baseUrl, token, connectTimeout, readTimeout);
  }
}
