package org.propusk.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Keeps every thread of the executor that runs the asynchronous event listeners busy until closed,
 * so that a test can look at what a change left behind (the outbox) or move the clock before any
 * listener runs. The executor's queue is unbounded, so it never starts more than its core threads.
 */
public final class ListenersOnHold implements AutoCloseable {

  private final CountDownLatch release = new CountDownLatch(1);

  private ListenersOnHold(ThreadPoolTaskExecutor listeners) {
    int threads = listeners.getCorePoolSize();
    CountDownLatch holding = new CountDownLatch(threads);
    for (int i = 0; i < threads; i++) {
      listeners.execute(
          () -> {
            holding.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    // listeners already running finish first; then every thread is ours
    await().atMost(Waits.BACKGROUND).until(() -> holding.getCount() == 0);
  }

  public static ListenersOnHold hold(ThreadPoolTaskExecutor listeners) {
    return new ListenersOnHold(listeners);
  }

  @Override
  public void close() {
    release.countDown();
  }
}
