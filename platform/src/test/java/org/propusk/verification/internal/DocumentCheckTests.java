package org.propusk.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.verification.CheckReason;
import org.propusk.verification.CheckState;
import org.propusk.verification.Document;
import org.propusk.verification.internal.registry.RegistryAnswer;

class DocumentCheckTests {

  static final Duration FIVE_DAYS = Duration.ofDays(5);
  final Instant start = Instant.parse("2026-11-25T10:00:00Z");

  DocumentCheck check() {
    return DocumentCheck.start(UUID.randomUUID(), Document.SNILS, start);
  }

  @Test
  void aVerifiedAnswerVerifies() {
    DocumentCheck check = check();
    check.answered(RegistryAnswer.VERIFIED, start.plusSeconds(3));
    assertThat(check.state()).isEqualTo(CheckState.VERIFIED);
    assertThat(check.reason()).isNull();
    assertThat(check.attempts()).isEqualTo(1);
  }

  @Test
  void notFoundAndMismatchFailWithTheirReason() {
    DocumentCheck notFound = check();
    notFound.answered(RegistryAnswer.NOT_FOUND, start);
    DocumentCheck mismatch = check();
    mismatch.answered(RegistryAnswer.MISMATCH, start);
    assertThat(notFound.reason()).isEqualTo(CheckReason.NOT_FOUND);
    assertThat(mismatch.reason()).isEqualTo(CheckReason.MISMATCH);
    assertThat(mismatch.state()).isEqualTo(CheckState.FAILED);
  }

  @Test
  void staysPendingThroughOutagesUntilFiveDaysHavePassed() {
    DocumentCheck check = check();
    check.unanswered(start.plus(Duration.ofHours(1)), FIVE_DAYS);
    check.unanswered(start.plus(FIVE_DAYS).minusSeconds(1), FIVE_DAYS);
    assertThat(check.state()).isEqualTo(CheckState.PENDING);
    assertThat(check.attempts()).isEqualTo(2);
    check.unanswered(start.plus(FIVE_DAYS), FIVE_DAYS);
    assertThat(check.state()).isEqualTo(CheckState.FAILED);
    assertThat(check.reason()).isEqualTo(CheckReason.NO_ANSWER);
  }

  @Test
  void anOutageThenAnAnswerVerifies() {
    DocumentCheck check = check();
    check.unanswered(start.plusSeconds(30), FIVE_DAYS);
    check.answered(RegistryAnswer.VERIFIED, start.plusSeconds(90));
    assertThat(check.state()).isEqualTo(CheckState.VERIFIED);
    assertThat(check.attempts()).isEqualTo(2);
  }

  @Test
  void aFinishedCheckTakesNoFurtherAnswer() {
    DocumentCheck check = check();
    check.answered(RegistryAnswer.VERIFIED, start);
    assertThatThrownBy(() -> check.answered(RegistryAnswer.MISMATCH, start)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void retriesWaitTwiceAsLongEachTimeUpToTheLongestWait() {
    CheckPolicy policy = new CheckPolicy(Duration.ofSeconds(30), Duration.ofHours(1), FIVE_DAYS);
    assertThat(policy.retryAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.retryAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(policy.retryAfter(5)).isEqualTo(Duration.ofMinutes(8));
    assertThat(policy.retryAfter(10)).isEqualTo(Duration.ofHours(1));
    assertThat(policy.retryAfter(500)).isEqualTo(Duration.ofHours(1));
  }
}
