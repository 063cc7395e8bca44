package org.propusk.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the benchmark's Markdown report from the runs {@code scripts/bench.sh} made: per scenario
 * and system the throughput, latency percentiles and error rate with the Propusk/Keycloak ratio;
 * the hash-bound limit and each system's sign-in as a fraction of it; start-up time and resident
 * memory; and issue 14's targets, met or not.
 *
 * <p>Gatling 3.15 keeps a run's statistics only in its HTML report (the statistics table of
 * {@code index.html}; older versions also wrote {@code js/stats.json}), so they are read from
 * there. Of each run the report takes the requests outside the {@value BenchSimulation#WARM_UP}
 * group: the scenario's measured request (the {@link Target} constant) for throughput, which is its
 * successful answers divided by the measured seconds (Gatling's own rate divides by the whole run,
 * warm-up included), and for the percentiles (of all its answers); and every request of the
 * measured phase (with a user's preparation, e.g. the sign-in before refreshes) for the error rate.
 *
 * <pre>
 * Report RUNS.tsv OUT.md FACTS.properties...
 * </pre>
 *
 * RUNS has a line per run: system, simulation (class name without package), users, load average
 * before the run, Gatling's report directory ({@code -} when the run failed). The FACTS files hold
 * {@code run.*}, {@code machine.*}, {@code <system>.*} (start-up, memory, JVM options, and per
 * scenario the CPU of its measured seconds) from bench.sh and {@code hash.*} from {@link HashBound}.
 */
public final class Report {

  /** The scenarios in the report's order: simulation, what it is in plain words, the request measured. */
  enum Scenario {
    NO_OP("NoOpSimulation", "no-op", Target.NO_OP),
    SIGN_IN("SignInSimulation", "password sign-in (API)", Target.SIGN_IN),
    REGISTRATION("RegistrationSimulation", "registration, through to the password", Target.REGISTRATION_COMPLETED),
    AUTHORIZATION_CODE("AuthorizationCodeSimulation", "browser login, authorization code", Target.AUTHORIZATION_CODE_TOKEN),
    REFRESH("RefreshSimulation", "refresh token rotation", Target.REFRESH_TOKEN),
    CLIENT_CREDENTIALS("ClientCredentialsSimulation", "client credentials", Target.CLIENT_CREDENTIALS_TOKEN),
    USERINFO("UserInfoSimulation", "userinfo", Target.USERINFO);

    final String simulation;
    final String label;
    final String request;

    Scenario(String simulation, String label, String request) {
      this.simulation = simulation;
      this.label = label;
      this.request = request;
    }

    static Scenario of(String simulation) {
      return Arrays.stream(values())
          .filter(s -> s.simulation.equals(simulation))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no scenario " + simulation));
    }
  }

  /** One row of Gatling's statistics table (percentiles null where Gatling shows none). */
  record Row(String id, String parent, String name, long total, long ok, long ko, Double p50, Double p95, Double p99) {

    /** A request of the measured phase: at the top, not in the warm-up group (nor a group itself). */
    boolean measuredPhaseRequest() {
      return id.startsWith("req_") && parent.equals("ROOT");
    }
  }

  /** A scenario's run on one system; {@code rows} empty when the run failed. */
  record Run(String system, Scenario scenario, int users, String load, Path report, List<Row> rows) {

    Optional<Row> measured() {
      return rows.stream().filter(r -> r.measuredPhaseRequest() && r.name().equals(scenario.request)).findFirst();
    }

    double throughput(double seconds) {
      return measured().map(r -> r.ok() / seconds).orElse(0.0);
    }

    long requests() {
      return rows.stream().filter(Row::measuredPhaseRequest).mapToLong(Row::total).sum();
    }

    long failed() {
      return rows.stream().filter(Row::measuredPhaseRequest).mapToLong(Row::ko).sum();
    }

    double errorRate() {
      return requests() == 0 ? 1.0 : (double) failed() / requests();
    }

    boolean failedToRun() {
      return rows.isEmpty();
    }
  }

  private static final Pattern ROW = Pattern.compile("<tr id=\"([^\"]+)\"(?: data-parent=\"([^\"]*)\")?\\s*>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
  private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");
  private static final List<String> SYSTEMS = List.of("propusk", "keycloak");

  private final List<Run> runs;
  private final Properties facts;
  private final double seconds;

  Report(List<Run> runs, Properties facts) {
    this.runs = runs;
    this.facts = facts;
    this.seconds = Double.parseDouble(facts.getProperty("run.seconds"));
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("Report RUNS.tsv OUT.md FACTS.properties...");
    }
    // decimal points and the same digit grouping whatever the machine's locale
    Locale.setDefault(Locale.ROOT);
    Properties facts = new Properties();
    for (int i = 2; i < args.length; i++) {
      try (Reader in = Files.newBufferedReader(Path.of(args[i]))) {
        facts.load(in);
      }
    }
    List<Run> runs = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (!line.isBlank()) {
        runs.add(run(line.split("\t")));
      }
    }
    String markdown = new Report(runs, facts).markdown();
    Files.writeString(Path.of(args[1]), markdown);
    System.out.print(markdown);
  }

  private static Run run(String[] fields) throws IOException {
    Path report = fields[4].equals("-") ? null : Path.of(fields[4]);
    List<Row> rows = report == null ? List.of() : rows(Files.readString(report.resolve("index.html")));
    return new Run(fields[0], Scenario.of(fields[1]), Integer.parseInt(fields[2]), fields[3], report, rows);
  }

  /** The statistics table of a Gatling report: every row, with its place in the group tree. */
  static List<Row> rows(String html) {
    List<Row> rows = new ArrayList<>();
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      Matcher name = NAME.matcher(row.group(3));
      if (!name.find()) {
        continue; // not a row of the statistics table
      }
      String[] values = new String[15];
      Matcher cell = CELL.matcher(row.group(3));
      while (cell.find()) {
        values[Integer.parseInt(cell.group(1))] = cell.group(2).trim();
      }
      // columns: 2 total, 3 OK, 4 KO, 5 % KO, 6 per second, 7 min, 8 p50, 9 p75, 10 p95, 11 p99, ...
      rows.add(
          new Row(
              row.group(1),
              row.group(2) == null ? "" : row.group(2),
              unescape(name.group(1)),
              count(values[2]),
              count(values[3]),
              count(values[4]),
              millis(values[8]),
              millis(values[10]),
              millis(values[11])));
    }
    if (rows.stream().noneMatch(r -> r.id().equals("ROOT"))) {
      throw new IllegalStateException("no statistics table in the report: has Gatling's HTML changed?");
    }
    return rows;
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Propusk and Keycloak under load\n\n");
    out.append(machine()).append("\n\n");
    out.append(
        "%s; each scenario measured for %s s after a %s s warm-up, one system at a time; a closed model at"
                .formatted(fact("run.date"), fact("run.seconds"), fact("run.warmup"))
            + " saturation (each user sends its next request when the last is answered; users in the table); "
            + fact("run.accounts")
            + " citizens on each system. Throughput counts the measured request's successful answers; errors"
            + " are the failed share of all the scenario's requests after the warm-up. Gatling's HTML reports:"
            + " `bench/target/gatling/`.\n\n");
    out.append("| scenario | system | users | load before | throughput (/s) | p50 (ms) | p95 (ms) | p99 (ms) | errors | Propusk / Keycloak |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Scenario scenario : Scenario.values()) {
      for (String system : SYSTEMS) {
        run(system, scenario).ifPresent(run -> out.append(line(run)));
      }
    }
    out.append("\n## Hash-bound limit\n\n").append(hashBound()).append("\n");
    out.append("\n## Where the cores went\n\n").append(cores());
    out.append("\n## Start-up and memory\n\n").append(memory());
    out.append("\n## Targets (issue 14)\n\n").append(targets());
    return out.toString();
  }

  private String machine() {
    return "Machine: %s, %s cores, %s GiB, %s; %s; PostgreSQL %s on the same machine; the load generator (Gatling) runs there too."
        .formatted(
            fact("machine.cpu"), fact("machine.cores"), fact("machine.memory-gib"), fact("machine.os"), fact("machine.java"),
            fact("machine.postgresql"));
  }

  private String line(Run run) {
    String scenario = run.scenario().label + ": `" + run.scenario().request + "`";
    if (run.failedToRun()) {
      return "| %s | %s | %d | %s | run failed | | | | | |\n".formatted(scenario, run.system(), run.users(), run.load());
    }
    Row measured = run.measured().orElse(new Row("", "", "", 0, 0, 0, null, null, null));
    String ratio =
        run.system().equals("propusk")
            ? ratio(run.scenario()).map(r -> "%.2f".formatted(r)).orElse("")
            : "";
    return "| %s | %s | %d | %s | %.1f | %s | %s | %s | %.2f %% | %s |\n"
        .formatted(
            scenario,
            run.system(),
            run.users(),
            run.load(),
            run.throughput(seconds),
            ms(measured.p50()),
            ms(measured.p95()),
            ms(measured.p99()),
            100 * run.errorRate(),
            ratio);
  }

  private String hashBound() {
    if (facts.getProperty("hash.per-second") == null) {
      return "Not measured.\n";
    }
    StringBuilder out = new StringBuilder();
    out.append(
        "Argon2id at the platform's cost (m = %s KiB, t = %s, p = %s, 32-byte hash, 16-byte salt), one thread per core (%s) verifying for %s s with nothing else to do: %s ms per hash, so at most **%s sign-ins/s** (cores / hash time).\n"
            .formatted(
                fact("hash.memory-kib"), fact("hash.iterations"), fact("hash.parallelism"), fact("hash.threads"), fact("hash.seconds"),
                fact("hash.millis-per-hash"), fact("hash.per-second")));
    for (String system : SYSTEMS) {
      signInFraction(system)
          .ifPresent(f -> out.append("\n- %s: password sign-in at %.2f of the limit".formatted(system, f)));
    }
    out.append("\n");
    StringBuilder inside = new StringBuilder();
    for (Scenario scenario : Scenario.values()) {
      String key = "propusk." + scenario.simulation.replace("Simulation", "") + ".hash-";
      if (facts.getProperty(key + "ms") != null) {
        inside.append("| %s | %s | %s |\n".formatted(scenario.label, fact(key + "ms"), fact(key + "cpu-ms")));
      }
    }
    if (!inside.isEmpty()) {
      out.append(
              "\nThe same hashes inside Propusk under each scenario's load (its metrics `propusk.password.hashing.duration` and `.cpu` over the measured seconds), against %s ms alone:\n\n"
                  .formatted(fact("hash.millis-per-hash")))
          .append("| scenario | a hash from its turn to its end (ms) | CPU its thread spent on it (ms) |\n|---|---:|---:|\n")
          .append(inside);
    }
    return out.toString();
  }

  /**
   * The CPU of each run's measured seconds: the server's, PostgreSQL's and the rest's (the load
   * generator first of all, on the same cores), in cores used on average, and the server's CPU per
   * measured answer.
   */
  private String cores() {
    StringBuilder out = new StringBuilder();
    for (Scenario scenario : Scenario.values()) {
      for (String system : SYSTEMS) {
        String key = system + "." + scenario.simulation.replace("Simulation", "") + ".cpu-";
        if (facts.getProperty(key + "server") == null) {
          continue;
        }
        double server = Double.parseDouble(facts.getProperty(key + "server"));
        String perAnswer =
            throughput(system, scenario).filter(t -> t > 0).map(t -> "%.1f".formatted(1000 * server / t)).orElse("-");
        out.append(
            "| %s | %s | %.2f | %s | %s | %s |\n"
                .formatted(scenario.label, system, server, fact(key + "postgres"), fact(key + "rest"), perAnswer));
      }
    }
    if (out.isEmpty()) {
      return "Not measured.\n";
    }
    return "| scenario | system | server (cores) | PostgreSQL (cores) | the rest, load generator included (cores) | server CPU per measured answer (ms) |\n|---|---|---:|---:|---:|---:|\n"
        + out
        + "\nCPU time during each run's measured seconds, as cores used on average (%s cores in all): the server's JVM process, PostgreSQL's processes, and the rest of the machine, where the load generator runs.\n"
            .formatted(fact("machine.cores"));
  }

  private String memory() {
    if (SYSTEMS.stream().noneMatch(system -> facts.getProperty(system + ".startup-seconds") != null)) {
      return "Not measured.\n";
    }
    StringBuilder out = new StringBuilder("| system | JVM options | start-up (s, launch to ready) | resident when idle (MiB) | resident at most under load (MiB) |\n|---|---|---:|---:|---:|\n");
    for (String system : SYSTEMS) {
      if (facts.getProperty(system + ".startup-seconds") != null) {
        out.append(
            "| %s | `%s` | %s | %s | %s |\n"
                .formatted(
                    system, fact(system + ".jvm-options"), fact(system + ".startup-seconds"), fact(system + ".rss-idle-mib"),
                    fact(system + ".rss-peak-mib")));
      }
    }
    return out.append("\nStart-up and idle memory are taken at a restart with the accounts in place (the schema migrated, caches cold), idle memory 10 s after the server is ready; resident memory is VmRSS of the server's JVM process, sampled every second during the scenarios.\n").toString();
  }

  private String targets() {
    StringBuilder out = new StringBuilder("| target | measured | met |\n|---|---|---|\n");
    target(out, "password sign-in >= 0.9 of the hash-bound limit", signInFraction("propusk").map(f -> "%.2f".formatted(f)), signInFraction("propusk").map(f -> f >= 0.9));
    List<Run> propusk =
        Arrays.stream(Scenario.values()).flatMap(s -> run("propusk", s).stream()).filter(r -> !r.failedToRun()).toList();
    Optional<Run> mostErrors = propusk.stream().max((a, b) -> Double.compare(a.errorRate(), b.errorRate()));
    target(
        out,
        "error rate < 0.1 % (each Propusk scenario)",
        mostErrors.map(
            r ->
                r.failed() == 0
                    ? "no failed request"
                    : "at most %.2f %% (%s)".formatted(100 * r.errorRate(), r.scenario().label)),
        mostErrors.map(r -> r.errorRate() < 0.001));
    Optional<Run> slowest = propusk.stream().filter(r -> r.measured().map(m -> m.p99() != null).orElse(false))
        .max((a, b) -> Double.compare(a.measured().get().p99(), b.measured().get().p99()));
    target(
        out,
        "p99 <= 2.5 s at saturation (each Propusk scenario)",
        slowest.map(r -> "at most %s ms (%s)".formatted(ms(r.measured().get().p99()), r.scenario().label)),
        slowest.map(r -> r.measured().get().p99() <= 2500));
    for (Scenario scenario : List.of(Scenario.CLIENT_CREDENTIALS, Scenario.USERINFO)) {
      Optional<Double> ofNoOp = throughput("propusk", scenario).flatMap(t -> throughput("propusk", Scenario.NO_OP).map(n -> t / n));
      target(out, scenario.label + " >= 0.5 of the same server's no-op", ofNoOp.map(r -> "%.2f".formatted(r)), ofNoOp.map(r -> r >= 0.5));
    }
    for (Scenario scenario : List.of(Scenario.CLIENT_CREDENTIALS, Scenario.USERINFO, Scenario.REFRESH)) {
      double times = scenario == Scenario.REFRESH ? 3 : 5;
      Optional<Double> ratio = ratio(scenario);
      target(out, scenario.label + " >= %.0fx Keycloak".formatted(times), ratio.map(r -> "%.2fx".formatted(r)), ratio.map(r -> r >= times));
    }
    Optional<Double> memory = fraction("rss-idle-mib");
    target(out, "idle resident memory <= 1/3 of Keycloak's", memory.map(r -> "%.2f".formatted(r)), memory.map(r -> r <= 1.0 / 3));
    Optional<Double> startUp = fraction("startup-seconds");
    target(out, "start-up no slower than Keycloak's", startUp.map(r -> "%.2f of Keycloak's".formatted(r)), startUp.map(r -> r <= 1));
    return out.toString();
  }

  private static void target(StringBuilder out, String target, Optional<String> measured, Optional<Boolean> met) {
    out.append("| %s | %s | %s |\n".formatted(target, measured.orElse("not measured"), met.map(m -> m ? "yes" : "**no**").orElse("")));
  }

  private Optional<Double> signInFraction(String system) {
    return Optional.ofNullable(facts.getProperty("hash.per-second"))
        .flatMap(limit -> throughput(system, Scenario.SIGN_IN).map(t -> t / Double.parseDouble(limit)));
  }

  /** Propusk's value of a fact over Keycloak's. */
  private Optional<Double> fraction(String fact) {
    String propusk = facts.getProperty("propusk." + fact);
    String keycloak = facts.getProperty("keycloak." + fact);
    return propusk == null || keycloak == null
        ? Optional.empty()
        : Optional.of(Double.parseDouble(propusk) / Double.parseDouble(keycloak));
  }

  /** Propusk's throughput over Keycloak's. */
  private Optional<Double> ratio(Scenario scenario) {
    return throughput("propusk", scenario).flatMap(p -> throughput("keycloak", scenario).filter(k -> k > 0).map(k -> p / k));
  }

  private Optional<Double> throughput(String system, Scenario scenario) {
    return run(system, scenario).filter(r -> !r.failedToRun()).map(r -> r.throughput(seconds));
  }

  /** The last run of a scenario on a system (a scenario run again replaces the earlier run). */
  private Optional<Run> run(String system, Scenario scenario) {
    return runs.stream().filter(r -> r.system().equals(system) && r.scenario() == scenario).reduce((first, last) -> last);
  }

  private String fact(String key) {
    return facts.getProperty(key, "?");
  }

  private static String ms(Double millis) {
    return millis == null ? "-" : "%,.0f".formatted(millis);
  }

  private static long count(String value) {
    return value == null || value.equals("-") ? 0 : Long.parseLong(value.replace(",", ""));
  }

  private static Double millis(String value) {
    return value == null || value.equals("-") ? null : Double.valueOf(value.replace(",", ""));
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }
}
