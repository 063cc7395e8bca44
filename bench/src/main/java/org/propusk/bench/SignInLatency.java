package org.propusk.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small bounded password sign-in load on Propusk, for the data-scale check of issue 14 (sign-in
 * latency with 10 k and with 1 M accounts in the database): each of CLIENTS threads signs in again
 * and again as a citizen picked at random among the first ACCOUNTS logins ({@link BenchAccounts}),
 * each time as a new client (no cookies, an address of its own in {@code X-Forwarded-For}, which
 * the {@code dev} profile believes from loopback): {@code GET /api/v1/csrf}, then {@code POST
 * /api/v1/session} with the CSRF header. After WARMUP seconds it measures the POST for SECONDS and
 * prints the sign-ins, their rate, p50/p95/p99 and the errors (answers other than 200).
 *
 * <pre>
 * SignInLatency BASE_URL ACCOUNTS [SECONDS=60] [CLIENTS=4] [WARMUP=15]
 * </pre>
 */
public final class SignInLatency {

  private static final Pattern CSRF =
      Pattern.compile("\"headerName\"\\s*:\\s*\"([^\"]+)\".*\"token\"\\s*:\\s*\"([^\"]+)\"");

  private final String base;
  private final int accounts;
  private final AtomicLong errors = new AtomicLong();

  private SignInLatency(String base, int accounts) {
    this.base = base;
    this.accounts = accounts;
  }

  public static void main(String[] args) throws InterruptedException, ExecutionException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: SignInLatency BASE_URL ACCOUNTS [SECONDS] [CLIENTS] [WARMUP]");
    }
    SignInLatency load = new SignInLatency(args[0], Integer.parseInt(args[1]));
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    int clients = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 15;
    load.run(Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), clients);
  }

  private void run(Duration warmup, Duration measured, int clients)
      throws InterruptedException, ExecutionException {
    long measureFrom = System.nanoTime() + warmup.toNanos();
    long end = measureFrom + measured.toNanos();
    List<Long> latencies = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        results.add(pool.submit(() -> signInUntil(measureFrom, end)));
      }
      for (Future<List<Long>> result : results) {
        latencies.addAll(result.get());
      }
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "accounts=%d clients=%d seconds=%d sign-ins=%d rate=%.1f/s p50=%.0f ms p95=%.0f ms p99=%.0f ms max=%.0f ms errors=%d%n",
        accounts, clients, measured.toSeconds(), sorted.length, sorted.length / (double) measured.toSeconds(),
        millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.95)), millis(percentile(sorted, 0.99)),
        millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]), errors.get());
  }

  /**
   * One client's sign-ins until {@code end}: the latencies (ns) of those begun after {@code
   * measureFrom} and finished by {@code end}.
   */
  private List<Long> signInUntil(long measureFrom, long end) {
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    List<Long> latencies = new ArrayList<>();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (System.nanoTime() < end) {
      cookies.getCookieStore().removeAll();
      String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
      String body =
          "{\"login\":\"%s\",\"password\":\"%s\"}"
              .formatted(BenchAccounts.login(random.nextInt(accounts)), BenchAccounts.PASSWORD);
      boolean measuring = System.nanoTime() >= measureFrom;
      try {
        HttpResponse<String> csrf = http.send(request("/api/v1/csrf", address).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(csrf.body());
        if (csrf.statusCode() != 200 || !token.find()) {
          throw new IOException("no CSRF token: " + csrf.statusCode());
        }
        HttpRequest signIn =
            request("/api/v1/session", address)
                .header("Content-Type", "application/json")
                .header(token.group(1), token.group(2))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long started = System.nanoTime();
        int status = http.send(signIn, HttpResponse.BodyHandlers.discarding()).statusCode();
        long finished = System.nanoTime();
        if (status != 200) {
          throw new IOException("sign-in answered " + status);
        }
        if (measuring && finished <= end) {
          latencies.add(finished - started);
        }
      } catch (IOException e) {
        if (measuring) {
          errors.incrementAndGet();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return latencies;
  }

  private HttpRequest.Builder request(String path, String address) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json")
        .header("X-Forwarded-For", address);
  }

  /** Nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
