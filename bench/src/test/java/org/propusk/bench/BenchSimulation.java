package org.propusk.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One scenario against the system {@code -Dbench.target} names, at saturation in a closed model: a
 * fixed number of virtual users ({@code -Dbench.users}) each repeat the scenario's step as soon as
 * the last one is answered, first until {@code -Dbench.warmup} seconds after the start (JIT, pools,
 * caches: those requests are in the group {@value #WARM_UP}, which the report leaves out), then for
 * {@code -Dbench.seconds}, which the report measures. The two phases end at the same instants for
 * every user, so the measured requests divided by the measured seconds is the throughput. A user
 * that fails a step goes on with the next one (the failure is counted). Every run stops by itself:
 * Gatling is told the longest it may take.
 *
 * <p>A scenario's step starts with what it needs: a new cookie jar where a real client would be a
 * new browser, a citizen from {@link #existingCitizens()} or {@link #newCitizens()}. Steps that need
 * a signed-in citizen's tokens get them once per user first ({@code prepare}).
 */
abstract class BenchSimulation extends Simulation {

  static final String WARM_UP = "warm-up";
  static final Duration MEASURED = Duration.ofSeconds(Long.getLong("bench.seconds", 60));
  static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 15));
  /** Time for the users' preparation and the last answers, beyond warm-up and measurement. */
  static final Duration SLACK = Duration.ofMinutes(2);

  /** Citizens 0 .. N-1 exist on both systems (the benchmark contract); N is {@code -Dbench.accounts}. */
  static final int ACCOUNTS = Integer.getInteger("bench.accounts", 10_000);
  static final String PASSWORD = "Slow-Birch-Harbour-2026";

  /**
   * Phones of new citizens, {@code +7901} and seven digits, beside the accounts' {@code +7900}. The
   * first is taken from the clock (100 a second, wrapping after 28 hours), so that runs against
   * one database one after another do not register a phone twice.
   */
  private static final AtomicLong NEW_PHONES = new AtomicLong(Instant.now().getEpochSecond() * 100);

  /** When the first user started: both phases are counted from it. */
  private final AtomicReference<Instant> started = new AtomicReference<>();

  /**
   * @param usersPerCore the default concurrency, per core of this machine, unless {@code -Dbench.users}
   * @param prepare once per user before its steps (e.g. a sign-in for tokens); null for none
   * @param step the scenario's unit of work, repeated
   */
  protected BenchSimulation(
      int usersPerCore, Function<Target, ChainBuilder> prepare, Function<Target, ChainBuilder> step) {
    Target target = Target.chosen();
    int users = Integer.getInteger("bench.users", usersPerCore * Runtime.getRuntime().availableProcessors());
    String name = getClass().getSimpleName().replace("Simulation", "") + " at " + target.name();
    // scripts/bench.sh reads the number of users from this line
    System.out.printf(
        "bench: %s, %d users, %d s warm-up, %d s measured, %d accounts%n",
        name, users, WARMUP.toSeconds(), MEASURED.toSeconds(), ACCOUNTS);
    ScenarioBuilder scenario =
        scenario(name)
            .exec(
                session -> {
                  started.compareAndSet(null, Instant.now());
                  return session;
                });
    if (prepare != null) {
      scenario = scenario.exec(prepare.apply(target)).exitHereIfFailed();
    }
    scenario =
        scenario
            // exitASAP: a step still under way at the end is left there, so no phase runs over
            .asLongAs(session -> Instant.now().isBefore(started.get().plus(WARMUP)), true)
            .on(group(WARM_UP).on(exitBlockOnFail().on(step.apply(target))))
            .asLongAs(session -> Instant.now().isBefore(started.get().plus(WARMUP).plus(MEASURED)), true)
            .on(exitBlockOnFail().on(step.apply(target)));
    setUp(scenario.injectOpen(atOnceUsers(users)))
        .protocols(target.protocol())
        .maxDuration(WARMUP.plus(MEASURED).plus(SLACK));
  }

  /** {@code login} and {@code password} of an existing citizen, picked at random. */
  static Iterator<Map<String, Object>> existingCitizens() {
    return Stream.generate(
            () ->
                Map.<String, Object>of(
                    "login", "+7900%07d".formatted(ThreadLocalRandom.current().nextInt(ACCOUNTS)), "password", PASSWORD))
        .iterator();
  }

  /** {@code newPhone}, which no account has, and the {@code password} to register with. */
  static Iterator<Map<String, Object>> newCitizens() {
    return Stream.generate(
            () ->
                Map.<String, Object>of(
                    "newPhone", "+7901%07d".formatted(NEW_PHONES.getAndIncrement() % 10_000_000), "password", PASSWORD))
        .iterator();
  }
}
