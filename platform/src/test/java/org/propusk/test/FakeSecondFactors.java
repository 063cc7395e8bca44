package org.propusk.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.propusk.authentication.SecondFactors;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.InvalidInput;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * TEST DOUBLE of the second factor, until its real implementation is merged: methods turned on per
 * account in memory; {@link #CODE} is the right TOTP (and SMS) code, accepted once per account in
 * each 30-second window; recovery codes are those given to {@link #enable}, each accepted once.
 * Import {@link Config} in a test class to use it.
 */
public class FakeSecondFactors implements SecondFactors {

  public static final String CODE = "123456";

  private final Clock clock;
  private final Map<UUID, Set<AuthenticationMethod>> enabled = new ConcurrentHashMap<>();
  private final Map<UUID, Set<String>> recoveryCodes = new ConcurrentHashMap<>();
  private final Set<String> usedWindows = ConcurrentHashMap.newKeySet();
  private final List<UUID> smsSentTo = Collections.synchronizedList(new ArrayList<>());

  public FakeSecondFactors(Clock clock) {
    this.clock = clock;
  }

  /** Turns on these methods for the account; recovery codes with {@code RECOVERY_CODE}. */
  public void enable(UUID accountId, Set<AuthenticationMethod> methods, String... codes) {
    enabled.put(accountId, EnumSet.copyOf(methods));
    recoveryCodes.put(accountId, ConcurrentHashMap.newKeySet());
    recoveryCodes.get(accountId).addAll(List.of(codes));
  }

  /** The accounts an SMS code was sent for, in order. */
  public List<UUID> smsSentTo() {
    return List.copyOf(smsSentTo);
  }

  @Override
  public Set<AuthenticationMethod> methodsOf(UUID accountId) {
    Set<AuthenticationMethod> methods = EnumSet.noneOf(AuthenticationMethod.class);
    methods.addAll(enabled.getOrDefault(accountId, Set.of()));
    if (recoveryCodes.getOrDefault(accountId, Set.of()).isEmpty()) {
      methods.remove(AuthenticationMethod.RECOVERY_CODE);
    }
    return methods;
  }

  @Override
  public Instant sendSmsCode(UUID accountId, Locale locale) {
    if (!methodsOf(accountId).contains(AuthenticationMethod.SMS)) {
      throw new InvalidInput("method", "unavailable");
    }
    smsSentTo.add(accountId);
    return clock.instant().plus(Duration.ofSeconds(60));
  }

  @Override
  public void verify(UUID accountId, AuthenticationMethod method, String code) {
    if (!methodsOf(accountId).contains(method)) {
      throw new InvalidInput("method", "unavailable");
    }
    boolean right =
        method == AuthenticationMethod.RECOVERY_CODE
            ? recoveryCodes.get(accountId).remove(code)
            : CODE.equals(code) && usedWindows.add(accountId + "/" + clock.instant().getEpochSecond() / 30);
    if (!right) {
      throw new InvalidInput("code", "wrong");
    }
  }

  /** Puts the fake in place of any real implementation. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    @Primary
    FakeSecondFactors fakeSecondFactors(Clock clock) {
      return new FakeSecondFactors(clock);
    }
  }
}
