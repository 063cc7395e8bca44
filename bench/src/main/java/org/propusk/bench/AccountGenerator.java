package org.propusk.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Writes the benchmark's citizens ({@link BenchAccounts}) straight into a Propusk database on
 * PostgreSQL whose schema the platform has already migrated: for each, the rows a Simplified
 * account registered by phone through the API has (an {@code account} with its phone confirmed,
 * and its consents to the terms and the privacy policy in {@code account_consent}), so that it
 * signs in exactly like a registered one; without the audit history and the finished registration
 * flow, which a sign-in never reads.
 *
 * <pre>
 * AccountGenerator --url jdbc:postgresql://127.0.0.1:5432/DB --user postgres --accounts N [--from K] [--batch B]
 * </pre>
 *
 * <p>Logins {@code K} to {@code K + N - 1}, in batches of {@code B} (default 20,000), each written
 * with {@code COPY} in a transaction of its own. Logins that already have an account are left as
 * they are, so that an interrupted run is simply run again ({@code --from} skips the batches done).
 * A password, if the database needs one, goes in the URL ({@code ?password=...}).
 */
public final class AccountGenerator {

  /** The platform's cost (application.yaml, {@code propusk.password.argon2}) and lengths. */
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final int PARALLELISM = 1;
  private static final int MEMORY_KIB = 19456;
  private static final int ITERATIONS = 2;

  /** The versions of the legal texts the platform asks consent to today (propusk.legal). */
  private static final String TERMS_VERSION = "2026-11-01";
  private static final String PRIVACY_VERSION = "2026-11-01";

  /** What registration leaves: the level announced at opening, version 0 of the row. */
  private static final String COPY_ACCOUNTS =
      "copy account (id, last_name, first_name, phone, phone_confirmed_at, password_hash,"
          + " announced_level, created_at, updated_at, version) from stdin";

  private static final String COPY_CONSENTS =
      "copy account_consent (id, account_id, document, version, accepted_at) from stdin";

  private final Connection db;
  private final CopyManager copy;
  private final Clock clock;
  private final int batch;

  AccountGenerator(Connection db, Clock clock, int batch) throws SQLException {
    this.db = db;
    this.copy = db.unwrap(PGConnection.class).getCopyAPI();
    this.clock = clock;
    this.batch = batch;
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Properties credentials = new Properties();
    credentials.setProperty("user", options.user());
    try (Connection db = DriverManager.getConnection(options.url(), credentials)) {
      new AccountGenerator(db, Clock.systemUTC(), options.batch()).generate(options.from(), options.accounts());
    }
  }

  /** Accounts for logins {@code from} to {@code from + count - 1}. */
  void generate(int from, int count) throws SQLException, IOException {
    requireMigratedSchema();
    // One hash for every account: the benchmark measures the look-ups and the one Argon2id run per
    // sign-in, which cost the same whatever the salt; a million distinct hashes would take hours.
    String passwordHash =
        new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS)
            .encode(BenchAccounts.PASSWORD);
    db.setAutoCommit(false);
    Instant started = clock.instant();
    long written = 0;
    long present = 0;
    int end = from + count;
    for (int first = from; first < end; first += batch) {
      int last = Math.min(first + batch, end) - 1;
      Set<String> existing = existingLogins(first, last);
      Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
      StringBuilder accounts = new StringBuilder();
      StringBuilder consents = new StringBuilder();
      for (int i = first; i <= last; i++) {
        String login = BenchAccounts.login(i);
        if (existing.contains(login)) {
          continue;
        }
        UUID id = UUID.randomUUID();
        row(accounts, id, BenchAccounts.LAST_NAME, BenchAccounts.FIRST_NAME, login, now, passwordHash,
            "SIMPLIFIED", now, now, 0);
        row(consents, UUID.randomUUID(), id, "terms", TERMS_VERSION, now);
        row(consents, UUID.randomUUID(), id, "privacy", PRIVACY_VERSION, now);
      }
      if (!accounts.isEmpty()) {
        copy.copyIn(COPY_ACCOUNTS, new StringReader(accounts.toString()));
        copy.copyIn(COPY_CONSENTS, new StringReader(consents.toString()));
      }
      db.commit();
      written += last - first + 1 - existing.size();
      present += existing.size();
      double seconds = Math.max(Duration.between(started, clock.instant()).toMillis(), 1) / 1000.0;
      System.out.printf(
          "%,d of %,d logins: %,d accounts written, %,d there already; %,.0f accounts/s (%,.0f rows/s)%n",
          last + 1 - from, count, written, present, written / seconds, 3 * written / seconds);
    }
  }

  private void requireMigratedSchema() throws SQLException {
    try (ResultSet rs = db.createStatement().executeQuery("select to_regclass('account') is not null")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        throw new IllegalStateException(
            "no account table: start the platform once on this database, its migrations create the schema");
      }
    }
  }

  /** The logins of this range that have an account (an index range scan of account_phone_uk). */
  private Set<String> existingLogins(int first, int last) throws SQLException {
    Set<String> logins = new HashSet<>();
    try (PreparedStatement query = db.prepareStatement("select phone from account where phone between ? and ?")) {
      query.setString(1, BenchAccounts.login(first));
      query.setString(2, BenchAccounts.login(last));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          logins.add(rs.getString(1));
        }
      }
    }
    return logins;
  }

  /**
   * One line of COPY's text format. No value here holds a tab, a newline or a backslash, so none
   * is escaped; instants are written in ISO 8601, which PostgreSQL reads.
   */
  private static void row(StringBuilder out, Object... values) {
    for (int i = 0; i < values.length; i++) {
      out.append(i == 0 ? "" : "\t").append(values[i]);
    }
    out.append('\n');
  }

  record Options(String url, String user, int accounts, int from, int batch) {

    static Options parse(String[] args) {
      String url = null;
      String user = "postgres";
      Integer accounts = null;
      int from = 0;
      int batch = 20_000;
      for (int i = 0; i + 1 < args.length; i += 2) {
        String value = args[i + 1];
        switch (args[i]) {
          case "--url" -> url = value;
          case "--user" -> user = value;
          case "--accounts" -> accounts = Integer.parseInt(value);
          case "--from" -> from = Integer.parseInt(value);
          case "--batch" -> batch = Integer.parseInt(value);
          default -> throw usage("unknown option " + args[i]);
        }
      }
      if (args.length % 2 != 0 || url == null || accounts == null) {
        throw usage("--url and --accounts are required");
      }
      if (accounts < 1 || from < 0 || (long) from + accounts > BenchAccounts.MAX || batch < 1) {
        throw usage("logins run from 0 to " + (BenchAccounts.MAX - 1) + ", batches hold at least one");
      }
      return new Options(url, user, accounts, from, batch);
    }

    private static IllegalArgumentException usage(String problem) {
      return new IllegalArgumentException(
          problem + "\nusage: AccountGenerator --url jdbc:postgresql://HOST:PORT/DB [--user postgres]"
              + " --accounts N [--from K] [--batch B]");
    }
  }
}
