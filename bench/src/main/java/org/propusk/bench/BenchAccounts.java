package org.propusk.bench;

/**
 * The citizens both systems hold for a benchmark (issue 14's contract): login {@code i} is the
 * phone {@code +7900} followed by {@code i} in seven digits, every one with the same password and
 * name, so that a load picks any {@code i} below the number generated.
 */
public final class BenchAccounts {

  public static final String PASSWORD = "Slow-Birch-Harbour-2026";
  public static final String LAST_NAME = "Нагрузкин";
  public static final String FIRST_NAME = "Тест";

  /** Seven digits after the prefix: at most ten million logins. */
  public static final int MAX = 10_000_000;

  private BenchAccounts() {}

  /** The login (an E.164 phone) of citizen {@code i}, 0 <= i < {@link #MAX}. */
  public static String login(int i) {
    if (i < 0 || i >= MAX) {
      throw new IllegalArgumentException("no bench login for " + i);
    }
    return "+7900%07d".formatted(i);
  }
}
