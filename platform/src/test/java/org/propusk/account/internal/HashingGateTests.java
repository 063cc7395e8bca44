package org.propusk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.propusk.shared.Overloaded;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class HashingGateTests {

  /** Long enough never to run out in these tests: none of them waits for a refusal by time. */
  static final Duration PATIENT = Duration.ofMinutes(5);

  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  final ExecutorService callers = Executors.newCachedThreadPool();
  final CountDownLatch finish = new CountDownLatch(1);

  @AfterEach
  void stopCallers() {
    finish.countDown();
    callers.shutdownNow();
  }

  @Test
  void runsNoMoreHashesAtOnceThanItsConcurrency() throws Exception {
    HashingGate gate = new HashingGate(2, PATIENT, metrics);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    int callersCount = 6;
    // all six arrive together; the two admitted hold their turn until the rest are seen waiting
    CyclicBarrier together = new CyclicBarrier(callersCount);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < callersCount; i++) {
      answers.add(
          callers.submit(
              () -> {
                together.await();
                return gate.run(
                    () -> {
                      most.accumulateAndGet(running.incrementAndGet(), Math::max);
                      hold(finish);
                      running.decrementAndGet();
                      return 1;
                    });
              }));
    }

    await().until(() -> gauge("propusk.password.hashing.waiting") == 4);
    assertThat(gauge("propusk.password.hashing.active")).isEqualTo(2);
    finish.countDown();
    int done = 0;
    for (Future<Integer> answer : answers) {
      done += answer.get();
    }

    assertThat(done).isEqualTo(callersCount);
    assertThat(most.get()).isEqualTo(2);
    assertThat(metrics.get("propusk.password.hashing.wait").tag("outcome", "admitted").timer().count())
        .isEqualTo(callersCount);
    assertThat(gauge("propusk.password.hashing.active")).isZero();
  }

  @Test
  void admitsWaitingHashesInTheOrderTheyArrivedAndNoNewcomerOvertakesThem() throws Exception {
    HashingGate gate = new HashingGate(1, PATIENT, metrics);
    List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch holding = new CountDownLatch(1);
    // the holder asks again the moment it gives its turn back: the waiting hashes go first
    Future<?> holder =
        callers.submit(
            () -> {
              gate.run(() -> {
                holding.countDown();
                return hold(finish);
              });
              return gate.run(() -> order.add("newcomer"));
            });
    holding.await();
    List<Future<?>> waiting = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      int arrival = i;
      waiting.add(callers.submit(() -> gate.run(() -> order.add("waiter " + arrival))));
      // the next one arrives only once this one is queued
      await().until(() -> gauge("propusk.password.hashing.waiting") == arrival);
    }

    finish.countDown();
    holder.get();
    for (Future<?> w : waiting) {
      w.get();
    }

    assertThat(order).containsExactly("waiter 1", "waiter 2", "waiter 3", "waiter 4", "newcomer");
  }

  @Test
  void refusesAHashWhoseTurnDoesNotComeWithinTheWaitAsOverloaded() throws Exception {
    HashingGate gate = new HashingGate(1, Duration.ZERO, metrics);
    CountDownLatch holding = new CountDownLatch(1);
    callers.submit(() -> gate.run(() -> {
      holding.countDown();
      return hold(finish);
    }));
    holding.await();

    assertThatThrownBy(() -> gate.run(() -> "never"))
        .isInstanceOfSatisfying(
            Overloaded.class,
            busy -> {
              assertThat(busy.status()).isEqualTo(503);
              assertThat(busy.retryAfter()).isPositive();
            });
    assertThat(metrics.get("propusk.password.hashing.wait").tag("outcome", "refused").timer().count()).isOne();
  }

  @Test
  void measuresTheRunningTimeAndTheCpuTimeOfEachHash() {
    HashingGate gate = new HashingGate(1, PATIENT, metrics);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // a "hash" that runs until its thread has spent 20 ms of CPU
    gate.run(
        () -> {
          long until = threads.getCurrentThreadCpuTime() + 20_000_000;
          while (threads.getCurrentThreadCpuTime() < until) {
            Thread.onSpinWait();
          }
          return null;
        });

    Timer running = metrics.get("propusk.password.hashing.duration").timer();
    assertThat(running.count()).isOne();
    assertThat(running.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(20);
    assertThat(metrics.get("propusk.password.hashing.cpu").counter().count()).isGreaterThanOrEqualTo(0.020);
  }

  @Test
  void refusesToHashInsideATransaction() {
    HashingGate gate = new HashingGate(1, PATIENT, metrics);
    TransactionSynchronizationManager.setActualTransactionActive(true);
    try {
      assertThatThrownBy(() -> gate.run(() -> "hash")).isInstanceOf(IllegalStateException.class);
    } finally {
      TransactionSynchronizationManager.setActualTransactionActive(false);
    }
    assertThat(gate.run(() -> "hash")).isEqualTo("hash");
  }

  @Test
  void aHashThatFailsGivesItsTurnBack() {
    HashingGate gate = new HashingGate(1, Duration.ZERO, metrics);

    assertThatThrownBy(() -> gate.run(() -> {
      throw new IllegalStateException("broken");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(gate.run(() -> "next")).isEqualTo("next");
    assertThat(gauge("propusk.password.hashing.active")).isZero();
  }

  @Test
  void needsRoomForAtLeastOneHash() {
    assertThatThrownBy(() -> new HashingGate(0, PATIENT, metrics)).isInstanceOf(IllegalArgumentException.class);
  }

  private double gauge(String name) {
    return metrics.get(name).gauge().value();
  }

  private static boolean hold(CountDownLatch latch) {
    try {
      latch.await();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
