package org.propusk.verification.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.propusk.verification.internal.registry.InteriorMinistryRegistry;
import org.propusk.verification.internal.registry.PassportQuery;
import org.propusk.verification.internal.registry.PensionFundRegistry;
import org.propusk.verification.internal.registry.RegistrationQuery;
import org.propusk.verification.internal.registry.RegistryAnswer;
import org.propusk.verification.internal.registry.RegistryUnavailable;
import org.propusk.verification.internal.registry.SandboxRegistry;
import org.propusk.verification.internal.registry.SnilsQuery;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The sandbox registry with a switch for outages, so that tests decide when it answers. */
class ControllableRegistry implements PensionFundRegistry, InteriorMinistryRegistry {

  final AtomicBoolean down = new AtomicBoolean();
  final AtomicInteger calls = new AtomicInteger();
  private final SandboxRegistry sandbox;

  ControllableRegistry(SandboxRegistry sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public RegistryAnswer checkSnils(SnilsQuery query) {
    answerOrFail();
    return sandbox.checkSnils(query);
  }

  @Override
  public RegistryAnswer checkPassport(PassportQuery query) {
    answerOrFail();
    return sandbox.checkPassport(query);
  }

  @Override
  public RegistryAnswer checkRegistration(RegistrationQuery query) {
    answerOrFail();
    return sandbox.checkRegistration(query);
  }

  private void answerOrFail() {
    calls.incrementAndGet();
    if (down.get()) {
      throw new RegistryUnavailable("registry switched off by the test");
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Config {
    @Bean
    @Primary
    ControllableRegistry controllableRegistry(SandboxRegistry sandbox) {
      return new ControllableRegistry(sandbox);
    }
  }
}
