package org.propusk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one password sign-in costs Propusk besides its Argon2 run (issue 14): the database
 * transactions and written rows of its database ({@code pg_stat_database}) and the CPU time of the
 * server process ({@code /proc/PID/stat}), over SIGN_INS sign-ins by CLIENTS threads
 * ({@link SignInClient}: each a CSRF request and the sign-in), divided by the sign-ins. What the
 * platform does by itself meanwhile (scheduled jobs) is measured in an idle window of IDLE seconds
 * before and taken off at the same rate.
 *
 * <p>The statistics are read through the {@code postgres} database, so that reading them does not
 * count; PostgreSQL publishes a backend's counts up to a second late, so each reading waits a
 * little first.
 *
 * <pre>
 * SignInCost --base URL --db NAME --pid PID [--accounts 1000] [--sign-ins 500] [--clients 2] [--idle 10]
 * </pre>
 */
public final class SignInCost {

  /** PostgreSQL flushes a backend's statistics at most once a second. */
  private static final long STATS_SETTLE_MS = 1_500;

  private static final String STATS =
      """
      select xact_commit + xact_rollback as transactions, tup_inserted + tup_updated + tup_deleted as written
      from pg_stat_database where datname = ?
      """;

  /** A reading of the counters. */
  private record Reading(long nanos, long transactions, long written, long cpuTicks) {

    Reading minus(Reading earlier) {
      return new Reading(
          nanos - earlier.nanos, transactions - earlier.transactions, written - earlier.written, cpuTicks - earlier.cpuTicks);
    }
  }

  public static void main(String[] args) throws Exception {
    String base = null;
    String db = null;
    long pid = 0;
    int accounts = 1000;
    int signIns = 500;
    int clients = 2;
    int idle = 10;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--base" -> base = args[++i];
        case "--db" -> db = args[++i];
        case "--pid" -> pid = Long.parseLong(args[++i]);
        case "--accounts" -> accounts = Integer.parseInt(args[++i]);
        case "--sign-ins" -> signIns = Integer.parseInt(args[++i]);
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--idle" -> idle = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (base == null || db == null || pid == 0) {
      throw new IllegalArgumentException(
          "usage: SignInCost --base URL --db NAME --pid PID [--accounts 1000] [--sign-ins 500] [--clients 2] [--idle 10]");
    }
    try (Connection stats = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
      Reading idleFrom = read(stats, db, pid);
      Thread.sleep(idle * 1000L);
      Reading background = read(stats, db, pid).minus(idleFrom);
      Reading from = read(stats, db, pid);
      int failed = signIns(base, accounts, signIns, clients);
      Reading run = read(stats, db, pid).minus(from);
      double share = run.nanos / (double) background.nanos; // the background's part of the run
      int done = signIns - failed;
      long ticksPerSecond = 100; // USER_HZ, 100 on Linux
      System.out.printf(
          "sign-ins=%d errors=%d clients=%d per sign-in: transactions=%.1f rows-written=%.1f cpu=%.1f ms"
              + " (background taken off: %.1f transactions, %.1f rows, %.0f ms cpu per second)%n",
          done,
          failed,
          clients,
          (run.transactions - share * background.transactions) / done,
          (run.written - share * background.written) / done,
          (run.cpuTicks - share * background.cpuTicks) * 1000.0 / ticksPerSecond / done,
          background.transactions / seconds(background),
          background.written / seconds(background),
          background.cpuTicks * 1000.0 / ticksPerSecond / seconds(background));
    }
  }

  /** The sign-ins, spread over the clients; returns how many failed. */
  private static int signIns(String base, int accounts, int signIns, int clients)
      throws InterruptedException, ExecutionException {
    AtomicInteger left = new AtomicInteger(signIns);
    AtomicInteger failed = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(
            pool.submit(
                () -> {
                  SignInClient client = new SignInClient();
                  while (left.getAndDecrement() > 0) {
                    try {
                      client.signIn(base, ThreadLocalRandom.current().nextInt(accounts));
                    } catch (IOException e) {
                      failed.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    }
    return failed.get();
  }

  private static Reading read(Connection stats, String db, long pid) throws SQLException, IOException, InterruptedException {
    Thread.sleep(STATS_SETTLE_MS);
    long nanos = System.nanoTime();
    try (PreparedStatement query = stats.prepareStatement(STATS)) {
      query.setString(1, db);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return new Reading(nanos, row.getLong("transactions"), row.getLong("written"), cpuTicks(pid));
      }
    }
  }

  /** User and system time of the process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // the command name in parentheses may hold spaces: count the fields after its closing one
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static double seconds(Reading reading) {
    return reading.nanos / 1e9;
  }
}
