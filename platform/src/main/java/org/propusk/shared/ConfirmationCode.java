package org.propusk.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The one-time code of a flow (registration, recovery, ...): issued from a CSPRNG, stored as a
 * keyed hash, single use, valid for a while, with counted wrong entries. A new code starts its own
 * count of wrong entries but never resets the flow's total, which is capped.
 */
public final class ConfirmationCode {

  /**
   * The numbers of a code.
   *
   * @param length digits
   * @param ttl how long a code is valid
   * @param resendAfter wait before another code
   * @param wrongEntriesPerCode wrong entries that spend a code
   * @param wrongEntriesPerFlow wrong entries over all codes that spend the flow
   */
  public record Rules(
      int length, Duration ttl, Duration resendAfter, int wrongEntriesPerCode, int wrongEntriesPerFlow) {}

  private String hash;
  private Instant expiresAt;
  private int wrongEntries;
  private int totalWrongEntries;
  private int sent;
  private Instant lastSentAt;

  public ConfirmationCode(
      String hash, Instant expiresAt, int wrongEntries, int totalWrongEntries, int sent, Instant lastSentAt) {
    this.hash = hash;
    this.expiresAt = expiresAt;
    this.wrongEntries = wrongEntries;
    this.totalWrongEntries = totalWrongEntries;
    this.sent = sent;
    this.lastSentAt = lastSentAt;
  }

  public static ConfirmationCode none() {
    return new ConfirmationCode(null, null, 0, 0, 0, null);
  }

  /**
   * Issues a new code, replacing the previous one, and returns it in clear text (for the message
   * only).
   */
  public String issue(OneTimeSecrets secrets, Rules rules, Instant now) {
    if (totalWrongEntries >= rules.wrongEntriesPerFlow()) {
      throw new Exhausted();
    }
    Instant resendAt = resendAvailableAt(rules);
    if (resendAt != null && now.isBefore(resendAt)) {
      throw new ResendTooEarly(resendAt, now);
    }
    String code = secrets.numericCode(rules.length());
    hash = secrets.hash(code);
    expiresAt = now.plus(rules.ttl());
    wrongEntries = 0;
    sent++;
    lastSentAt = now;
    return code;
  }

  /** Checks a typed code; a right one is used up. */
  public void verify(String typed, OneTimeSecrets secrets, Rules rules, Instant now) {
    if (spent(rules)) {
      throw new Spent();
    }
    if (!now.isBefore(expiresAt)) {
      throw new Expired();
    }
    if (!secrets.matches(typed == null ? "" : typed.strip(), hash)) {
      wrongEntries++;
      totalWrongEntries++;
      int left =
          Math.min(
              rules.wrongEntriesPerCode() - wrongEntries,
              rules.wrongEntriesPerFlow() - totalWrongEntries);
      if (left <= 0) {
        hash = null;
      }
      throw new WrongCode(left);
    }
    hash = null;
  }

  /** No entry can succeed any more (none issued, used, or too many wrong entries): a new one is needed. */
  public boolean spent(Rules rules) {
    return hash == null
        || wrongEntries >= rules.wrongEntriesPerCode()
        || totalWrongEntries >= rules.wrongEntriesPerFlow();
  }

  public Instant resendAvailableAt(Rules rules) {
    return lastSentAt == null ? null : lastSentAt.plus(rules.resendAfter());
  }

  public String hash() { return hash; }
  public Instant expiresAt() { return expiresAt; }
  public int wrongEntries() { return wrongEntries; }
  public int totalWrongEntries() { return totalWrongEntries; }
  public int sent() { return sent; }
  public Instant lastSentAt() { return lastSentAt; }

  /** A wrong code, with the entries left before it is spent. */
  public static final class WrongCode extends Problem {
    private final int attemptsLeft;

    WrongCode(int attemptsLeft) {
      super(422, "wrong-code");
      this.attemptsLeft = attemptsLeft;
    }

    public int attemptsLeft() {
      return attemptsLeft;
    }

    @Override
    public Map<String, Object> properties() {
      return Map.of("attemptsLeft", attemptsLeft);
    }

    @Override
    public Object[] detailArguments() {
      return new Object[] {attemptsLeft};
    }
  }

  public static final class Expired extends Problem {
    Expired() {
      super(410, "code-expired");
    }
  }

  /** Too many wrong entries, or no code issued: a new code must be requested. */
  public static final class Spent extends Problem {
    Spent() {
      super(410, "code-spent");
    }
  }

  /** The flow used up its total of wrong entries; it must be started again. */
  public static final class Exhausted extends Problem {
    Exhausted() {
      super(410, "flow-exhausted");
    }
  }

  public static final class ResendTooEarly extends TooManyAttempts {
    ResendTooEarly(Instant availableAt, Instant now) {
      super("resend-too-early", new LimitDecision.Delayed(availableAt), now);
    }
  }
}
