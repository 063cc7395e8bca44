package org.propusk.test;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.event.EventListener;

/**
 * Makes requests meet inside the platform: while armed for an event type, every thread that
 * publishes such an event waits there until the armed number of threads has arrived. Two requests
 * sent at once then both pass whatever comes before the event before either goes on, so that a race
 * between them happens every time instead of now and then (issue 15).
 */
public class Rendezvous {

  private volatile Meeting meeting;

  /** An armed rendezvous; closing it lets nobody wait any more. */
  public final class Meeting implements AutoCloseable {
    private final Class<?> event;
    private final CyclicBarrier barrier;

    private Meeting(Class<?> event, int parties) {
      this.event = event;
      this.barrier = new CyclicBarrier(parties);
    }

    @Override
    public void close() {
      meeting = null;
      barrier.reset(); // a thread still waiting (a party that never came) goes on with an exception
    }
  }

  /** Holds the publishers of this event type until {@code parties} of them have arrived. */
  public Meeting at(Class<?> event, int parties) {
    Meeting armed = new Meeting(event, parties);
    meeting = armed;
    return armed;
  }

  @EventListener
  void on(Object event) throws InterruptedException, BrokenBarrierException, TimeoutException {
    Meeting armed = meeting;
    if (armed != null && armed.event.isInstance(event)) {
      armed.barrier.await(Waits.BACKGROUND.toSeconds(), TimeUnit.SECONDS);
    }
  }
}
