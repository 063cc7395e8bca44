package org.propusk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The limiter counts all the limits of a request at once ({@link RateLimiter#takeAll}): every slot
 * or none, never past a limit however many requests arrive together, and a forgetting that joins
 * the caller's transaction goes with it. Limits as configured: contact codes and second-factor
 * codes per sign-in flow, 5 an hour or per 10 minutes, without delays.
 */
@PropuskIntegrationTest
class RateLimiterIntegrationTests {

  private static final String PROBLEM = "test-limit";
  private static final int MAX = 5;

  @Autowired RateLimiter limiter;
  @Autowired TransactionTemplate transactions;

  @Test
  void takesASlotOfEveryKindInTheOrderAsked() {
    String flow = subject();
    String contact = subject();

    List<LimitDecision.Permitted> slots =
        limiter.takeAll(
            PROBLEM,
            new RateLimiter.Counted(LimitKind.SIGN_IN_SECOND_FACTOR, flow),
            new RateLimiter.Counted(LimitKind.CONTACT_CODE, contact));
    limiter.release(slots.get(1));

    assertThat(slots).hasSize(2).doesNotHaveDuplicates();
    assertThat(permittedUntilRefused(LimitKind.SIGN_IN_SECOND_FACTOR, flow)).isEqualTo(MAX - 1);
    assertThat(permittedUntilRefused(LimitKind.CONTACT_CODE, contact)).isEqualTo(MAX);
  }

  @Test
  void countsNothingWhenOneOfTheLimitsIsReached() {
    String spent = subject();
    String fresh = subject();
    for (int i = 0; i < MAX; i++) {
      limiter.take(LimitKind.SIGN_IN_SECOND_FACTOR, spent, PROBLEM);
    }

    assertThatThrownBy(
            () ->
                limiter.takeAll(
                    PROBLEM,
                    new RateLimiter.Counted(LimitKind.CONTACT_CODE, fresh),
                    new RateLimiter.Counted(LimitKind.SIGN_IN_SECOND_FACTOR, spent)))
        .isInstanceOf(TooManyAttempts.class);

    assertThat(permittedUntilRefused(LimitKind.CONTACT_CODE, fresh)).isEqualTo(MAX);
  }

  @Test
  void admitsExactlyTheLimitOfRequestsArrivingTogether() throws Exception {
    int requests = 3 * MAX;
    String flow = subject();
    String contact = subject();
    CyclicBarrier together = new CyclicBarrier(requests);
    List<Future<Boolean>> admitted = new ArrayList<>();
    try (ExecutorService clients = Executors.newFixedThreadPool(requests)) {
      for (int i = 0; i < requests; i++) {
        admitted.add(
            clients.submit(
                () -> {
                  together.await(Waits.BACKGROUND.toSeconds(), TimeUnit.SECONDS);
                  try {
                    limiter.takeAll(
                        PROBLEM,
                        new RateLimiter.Counted(LimitKind.SIGN_IN_SECOND_FACTOR, flow),
                        new RateLimiter.Counted(LimitKind.CONTACT_CODE, contact));
                    return true;
                  } catch (TooManyAttempts refused) {
                    return false;
                  }
                }));
      }
      int passed = 0;
      for (Future<Boolean> request : admitted) {
        passed += request.get() ? 1 : 0;
      }
      assertThat(passed).isEqualTo(MAX);
    }
    assertThat(permittedUntilRefused(LimitKind.CONTACT_CODE, contact)).isZero();
  }

  @Test
  void aResetInTheCallersTransactionIsUndoneWithIt() {
    String flow = subject();
    limiter.take(LimitKind.SIGN_IN_SECOND_FACTOR, flow, PROBLEM);

    transactions.executeWithoutResult(
        tx -> {
          limiter.reset(LimitKind.SIGN_IN_SECOND_FACTOR, flow);
          tx.setRollbackOnly();
        });

    assertThat(permittedUntilRefused(LimitKind.SIGN_IN_SECOND_FACTOR, flow)).isEqualTo(MAX - 1);
  }

  /** Takes slots of the kind for the subject until one is refused; how many were permitted. */
  private int permittedUntilRefused(LimitKind kind, String subject) {
    int permitted = 0;
    while (limiter.acquire(kind, subject) instanceof LimitDecision.Permitted) {
      permitted++;
    }
    return permitted;
  }

  private static String subject() {
    return "rate-limiter-test:" + UUID.randomUUID();
  }
}
