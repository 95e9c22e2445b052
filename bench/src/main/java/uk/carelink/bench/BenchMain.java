package uk.carelink.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point: {@code java -jar carelink-bench.jar <command> [options]}. */
public final class BenchMain {
  static final String USAGE =
      """
      usage: java -jar bench/target/carelink-bench.jar <command> [options]

      commands:
        compare   start the server jar twice (project interceptors on, then off), each on a fresh
                  PostgreSQL database, run the workload, print and write the side-by-side table
                    --server-jar PATH (required)  --server-jvm-opts "-Xmx1g"  --variants on,off
                    --server-env "KEY=VALUE,..."  --pg-port 5432  --ready-timeout-seconds 180  --log-dir bench/target/logs
                    --quiet-load 0.5 --quiet-wait-minutes 10 (wait for an idle machine first)
                    --out bench/target/last-run.md  --keep-db  --run-id ID (databases are
                    named carelink_bench_<ID>_on / _off)
        workload  run the workload once against a server that is already running
                    --base http://127.0.0.1:8080/fhir (required)  --out FILE
        startup   only start-to-ready and RSS: --server-jar PATH --runs 3 --modes postgres,embedded
                    --server-jvm-opts "-Xmx1g" --settle-seconds 10 --out bench/target/startup.md
                    --quiet-load 0.5 (wait up to 10 min for an idle machine before each start)
        linkage   record linkage against a running server: write the labelled linkage set
                  (2 Patients per person), time until MDM has linked them all, check the links
                  against the labels, then time link latency after single writes
                    --base http://127.0.0.1:8080/fhir (required)  --people 2000 --seed 6
                    --latency-samples 20  --out FILE  (tokens as in compare: --token-url ...)
        generate  write the care-home push bundles to files: --pushes 5 --seed 42 --out DIR
        validation  cost of profile validation on ingest: the same profiled pushes posted
                  in turn to a server validating them and to one with validation off
                    --server-jar PATH (starts it twice, validation on and off, each on a
                    throw-away PostgreSQL database) or --base http://127.0.0.1:8080/fhir
                    --base-unvalidated URL (a server with validation off)
                    --pushes 300 (per side) --residents 10
                    --warmup-pushes 200 (per side, not counted)
                    --batch-pushes 1 (sent to one side, then the same to the other; above 1,
                    both servers finish linking before each batch)
                    --server-jvm-opts "-Xmx1g" --pg-port 5432 --ready-timeout-seconds 180
                    --out bench/target/validation-cost.md
        consent   cost of consent enforcement on searches: the same searches sent alternately
                  by parties consent filters and by the service desk (unfiltered), on the
                  default sandbox world  --server-jar PATH --rounds 100 --pg-port 5432
                    --out bench/target/consent-cost.md

      workload options (compare, workload):
        --pushes 200 --homes 4 --seed 42 --clients 2 --synthea-dir DIR (omit: no Synthea)
        --patients 50 --rounds 5 --throughput-threads 8 --throughput-seconds 10
        --ingest-deadline-minutes 60
      authentication (default: the server's sandbox issuer, client admin, secret sandbox-secret):
        --token-url /oauth2/token|http://127.0.0.1:PORT/...|none --client-id ID --client-secret S
        [--hospital-client-id ID --hospital-client-secret S]  (Synthea is posted as the hospital)
      """;

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    CliArgs cli;
    try {
      cli = CliArgs.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    PrintStream out = System.out;
    int code =
        switch (cli.command()) {
          case "compare" -> compare(cli, out);
          case "workload" -> workload(cli, out);
          case "startup" -> startup(cli, out);
          case "generate" -> generate(cli, out);
          case "validation" -> validation(cli, out);
          case "linkage" -> linkage(cli, out);
          case "consent" -> consent(cli, out);
          default -> {
            System.err.print(USAGE);
            yield cli.command().isEmpty() || cli.command().equals("help") ? 0 : 2;
          }
        };
    System.exit(code);
  }

  private static List<String> jvmOpts(CliArgs cli) {
    String opts = cli.string("server-jvm-opts", "-Xmx1g");
    return Arrays.stream(opts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  private static int compare(CliArgs cli, PrintStream out) throws Exception {
    Path jar = Path.of(cli.optional("server-jar").orElseThrow(() -> missing("--server-jar")));
    List<String> jvm = jvmOpts(cli);
    WorkloadRun.Settings workload = WorkloadRun.Settings.from(cli);
    ComparisonRun.Settings settings =
        new ComparisonRun.Settings(
            jar,
            jvm,
            serverEnv(cli),
            cli.integer("pg-port", 5432),
            ComparisonRun.parseVariants(cli.string("variants", "on,off")),
            Duration.ofSeconds(cli.integer("ready-timeout-seconds", 180)),
            Double.parseDouble(cli.string("quiet-load", "0")),
            Duration.ofMinutes(cli.integer("quiet-wait-minutes", 10)),
            Path.of(cli.string("log-dir", "bench/target/logs")),
            cli.flag("keep-db"),
            runId(cli),
            workload,
            AuthOptions.from(cli));
    Path outFile = Path.of(cli.string("out", "bench/target/last-run.md"));
    cli.rejectUnknown();
    if (!Files.isRegularFile(jar)) {
      throw new IOException("server jar not found: " + jar);
    }
    List<String> context = new ArrayList<>();
    context.add("date: " + MachineInfo.now());
    context.add("machine: " + MachineInfo.describe());
    context.add(
        "PostgreSQL "
            + safeVersion(settings.pgPort())
            + " on 127.0.0.1 (a new database"
            + " per variant)");
    context.add(
        "server: "
            + jar
            + " ("
            + Files.size(jar) / (1024 * 1024)
            + " MiB), JVM options "
            + String.join(" ", jvm)
            + (settings.extraEnv().isEmpty() ? "" : ", extra environment " + settings.extraEnv()));
    context.add("workload: " + workload.describe());
    context.add("authentication: " + settings.auth().describe());
    out.println("CareLink bench: " + String.join("; ", context));
    List<Measurements> runs = new ComparisonRun(settings, out).run();
    String md =
        Report.markdown("CareLink bench, interceptors on vs off", context, runs)
            + "\nRatio = interceptors on / interceptors off: below 1 for resources/s, or above 1"
            + " for times, means the project's interceptors cost that much.\n";
    write(outFile, md);
    out.println();
    out.println(md);
    out.println("written to " + outFile);
    return runs.stream().allMatch(m -> m.get("start.ready").isPresent()) ? 0 : 1;
  }

  private static int workload(CliArgs cli, PrintStream out) throws Exception {
    URI base = URI.create(cli.optional("base").orElseThrow(() -> missing("--base")));
    WorkloadRun.Settings workload = WorkloadRun.Settings.from(cli);
    AuthOptions auth = AuthOptions.from(cli);
    Path outFile = cli.optional("out").map(Path::of).orElse(null);
    cli.rejectUnknown();
    URI root = URI.create(base.getScheme() + "://" + base.getHost() + ":" + base.getPort());
    HttpClient http = FhirHttpClient.newHttpClient();
    Measurements m = new Measurements("server at " + base);
    new WorkloadRun(
            workload,
            auth.client(http, root, base, AuthOptions.Party.CARE_HOME),
            auth.client(http, root, base, AuthOptions.Party.HOSPITAL),
            out)
        .run(m);
    List<String> context =
        List.of(
            "date: " + MachineInfo.now(),
            "machine: " + MachineInfo.describe(),
            "workload: " + workload.describe(),
            "authentication: " + auth.describe());
    String md = Report.markdown("CareLink bench against " + base, context, List.of(m));
    out.println(md);
    if (outFile != null) {
      write(outFile, md);
    }
    return 0;
  }

  private static int startup(CliArgs cli, PrintStream out) throws Exception {
    Path jar = Path.of(cli.optional("server-jar").orElseThrow(() -> missing("--server-jar")));
    List<String> jvm = jvmOpts(cli);
    int runs = cli.integer("runs", 3);
    List<String> modes = Arrays.asList(cli.string("modes", "postgres,embedded").split(",", -1));
    StartupBench bench =
        new StartupBench(
            jar,
            jvm,
            cli.integer("pg-port", 5432),
            Path.of(cli.string("log-dir", "bench/target/logs")),
            Duration.ofSeconds(cli.integer("ready-timeout-seconds", 180)),
            Duration.ofSeconds(cli.integer("settle-seconds", 10)),
            runId(cli),
            Double.parseDouble(cli.string("quiet-load", "0")),
            out);
    Path outFile = Path.of(cli.string("out", "bench/target/startup.md"));
    cli.rejectUnknown();
    List<StartupBench.Sample> samples = bench.run(modes, runs);
    String md =
        StartupBench.markdown(
            samples,
            MachineInfo.now()
                + "; "
                + MachineInfo.describe()
                + "; server "
                + jar
                + ", JVM options "
                + String.join(" ", jvm)
                + "; target: ready ≤ 20 s, RSS ≤ 800 MiB");
    write(outFile, md);
    out.println(md);
    return 0;
  }

  private static int validation(CliArgs cli, PrintStream out) throws Exception {
    int pushes = cli.integer("pushes", ValidationCostRun.DEFAULT_PUSHES);
    int residents = cli.integer("residents", 10);
    int warmup = cli.integer("warmup-pushes", ValidationCostRun.DEFAULT_WARMUP_PUSHES);
    int batch = cli.integer("batch-pushes", ValidationCostRun.DEFAULT_BATCH_PUSHES);
    Path outFile = Path.of(cli.string("out", "bench/target/validation-cost.md"));
    AuthOptions auth = AuthOptions.from(cli);
    HttpClient http = FhirHttpClient.newHttpClient();
    java.util.Optional<String> base = cli.optional("base");
    if (base.isPresent()) {
      URI on = URI.create(base.get());
      URI off =
          URI.create(
              cli.optional("base-unvalidated")
                  .orElseThrow(() -> missing("--base-unvalidated (with --base)")));
      cli.rejectUnknown();
      ValidationCostRun run =
          new ValidationCostRun(
              auth.client(http, rootOf(on), on, AuthOptions.Party.CARE_HOME),
              rootOf(on),
              auth.client(http, rootOf(off), off, AuthOptions.Party.CARE_HOME),
              () -> ServerCpu.UNKNOWN,
              () -> ServerCpu.UNKNOWN,
              out);
      return reportValidation(
          out,
          outFile,
          "servers at " + on + " (validation on) and " + off + " (off)",
          run.run(warmup, pushes, batch, residents));
    }
    Path jar =
        Path.of(
            cli.optional("server-jar")
                .orElseThrow(() -> missing("--server-jar or --base and --base-unvalidated")));
    List<String> jvm = jvmOpts(cli);
    int port = cli.integer("pg-port", 5432);
    String onDb = "carelink_bench_" + runId(cli) + "_validation_on";
    String offDb = "carelink_bench_" + runId(cli) + "_validation_off";
    Duration readyTimeout = Duration.ofSeconds(cli.integer("ready-timeout-seconds", 180));
    Path logDir = Path.of(cli.string("log-dir", "bench/target/logs"));
    cli.rejectUnknown();
    Files.createDirectories(logDir.toAbsolutePath());
    PostgresDatabases pg = new PostgresDatabases(port, "postgres");
    pg.create(onDb);
    pg.create(offDb);
    Map<String, String> offEnv = ServerEnv.postgres(pg, offDb, true, false);
    offEnv.put(ServerEnv.VALIDATION, "false");
    try (ServerProcess on =
            ServerProcess.start(
                new ServerProcess.Spec(
                    jar,
                    jvm,
                    ServerEnv.postgres(pg, onDb, true, false),
                    logDir.resolve(onDb + ".log")));
        ServerProcess off =
            ServerProcess.start(
                new ServerProcess.Spec(jar, jvm, offEnv, logDir.resolve(offDb + ".log")))) {
      on.awaitReady(readyTimeout);
      off.awaitReady(readyTimeout);
      ValidationCostRun run =
          new ValidationCostRun(
              auth.client(http, on.root(), on.fhirBase(), AuthOptions.Party.CARE_HOME),
              on.root(),
              auth.client(http, off.root(), off.fhirBase(), AuthOptions.Party.CARE_HOME),
              () -> ServerCpu.of(on.pid()),
              () -> ServerCpu.of(off.pid()),
              out);
      return reportValidation(
          out,
          outFile,
          MachineInfo.now()
              + "; "
              + MachineInfo.describe()
              + "; servers "
              + jar
              + " "
              + String.join(" ", jvm)
              + ", the second with "
              + ServerEnv.VALIDATION
              + "=false",
          run.run(warmup, pushes, batch, residents));
    } finally {
      pg.drop(onDb);
      pg.drop(offDb);
    }
  }

  private static URI rootOf(URI fhirBase) {
    return URI.create(fhirBase.getScheme() + "://" + fhirBase.getHost() + ":" + fhirBase.getPort());
  }

  private static int reportValidation(
      PrintStream out, Path outFile, String context, ValidationCostRun.Result result)
      throws IOException {
    String md = result.markdown(context);
    write(outFile, md);
    out.println(md);
    return 0;
  }

  /** Consent-filtered searches against the same searches unfiltered, one server, same data. */
  private static int consent(CliArgs cli, PrintStream out) throws Exception {
    int rounds = cli.integer("rounds", 100);
    Path outFile = Path.of(cli.string("out", "bench/target/consent-cost.md"));
    String secret = cli.string("client-secret", AuthOptions.SANDBOX_SECRET);
    HttpClient http = FhirHttpClient.newHttpClient();
    Path jar = Path.of(cli.optional("server-jar").orElseThrow(() -> missing("--server-jar")));
    List<String> jvm = jvmOpts(cli);
    int port = cli.integer("pg-port", 5432);
    String db = "carelink_bench_" + runId(cli) + "_consent";
    Path logFile = Path.of(cli.string("log-dir", "bench/target/logs")).resolve(db + ".log");
    cli.rejectUnknown();
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    PostgresDatabases pg = new PostgresDatabases(port, "postgres");
    pg.create(db);
    try (ServerProcess server =
        ServerProcess.start(
            new ServerProcess.Spec(jar, jvm, ServerEnv.postgres(pg, db, true, true), logFile))) {
      // The sandbox world loads before readiness; MDM may still be linking it after.
      server.awaitReady(Duration.ofSeconds(600));
      ConsentCostRun run = new ConsentCostRun(http, secret, server.root(), server.fhirBase(), out);
      MdmLinkingWait.Linked linked = run.awaitLinking(Duration.ofMinutes(10));
      out.println(linked.describe());
      ConsentCostRun.Result result = run.run(rounds);
      String md =
          result.markdown(
              MachineInfo.now()
                  + "; "
                  + MachineInfo.describe()
                  + "; server "
                  + jar
                  + " "
                  + String.join(" ", jvm)
                  + "; default sandbox world on PostgreSQL 127.0.0.1:"
                  + port
                  + ". "
                  + linked.describe()
                  + ".");
      write(outFile, md);
      out.println(md);
      return 0;
    } finally {
      pg.drop(db);
    }
  }

  private static int linkage(CliArgs cli, PrintStream out) throws Exception {
    URI base = URI.create(cli.optional("base").orElseThrow(() -> missing("--base")));
    int people = cli.integer("people", 2000);
    long seed = cli.longValue("seed", 6);
    int samples = cli.integer("latency-samples", 20);
    Path outFile = cli.optional("out").map(Path::of).orElse(null);
    // The sandbox admin party by default: it may write Patients and read every MDM link.
    AuthOptions auth = AuthOptions.from(cli);
    cli.rejectUnknown();
    URI root = URI.create(base.getScheme() + "://" + base.getHost() + ":" + base.getPort());
    FhirHttpClient fhir =
        auth.client(FhirHttpClient.newHttpClient(), root, base, AuthOptions.Party.CARE_HOME);
    String md =
        "date: "
            + MachineInfo.now()
            + "; machine: "
            + MachineInfo.describe()
            + "\n\n"
            + new LinkageBench(fhir, out).run(people, seed, samples);
    out.println(md);
    if (outFile != null) {
      write(outFile, md);
    }
    return 0;
  }

  private static int generate(CliArgs cli, PrintStream out) throws IOException {
    int pushes = cli.integer("pushes", 5);
    long seed = cli.longValue("seed", 42);
    int homes = cli.integer("homes", 4);
    Path dir = Path.of(cli.string("out", "bench/target/carehome-pushes"));
    cli.rejectUnknown();
    Files.createDirectories(dir);
    for (CareHomePushGenerator.Push p :
        new CareHomePushGenerator(seed, homes, 24).generate(pushes)) {
      Path file =
          dir.resolve(
              String.format("push-%04d-%s-day-%03d.json", p.index(), p.homeCode(), p.day()));
      Files.write(file, p.json());
      out.printf("%s (%d entries)%n", file, p.entries());
    }
    return 0;
  }

  /** {@code --server-env "K=V,K2=V2"}: extra environment for the server under test. */
  static Map<String, String> serverEnv(CliArgs cli) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String pair : cli.string("server-env", "").split(",", -1)) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--server-env wants KEY=VALUE pairs: " + pair);
      }
      env.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
    }
    return env;
  }

  /** Names the throw-away databases carelink_bench_RUNID_... so a wrapper script can drop them. */
  private static String runId(CliArgs cli) {
    String id = cli.string("run-id", MachineInfo.timestamp());
    if (!id.matches("[a-z0-9_]{1,40}")) {
      throw new IllegalArgumentException("--run-id must match [a-z0-9_]{1,40}: " + id);
    }
    return id;
  }

  private static String safeVersion(int port) {
    try {
      return new PostgresDatabases(port, "postgres").serverVersion();
    } catch (IOException e) {
      return "(version unknown: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(version unknown)";
    }
  }

  private static void write(Path file, String text) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException missing(String option) {
    return new IllegalArgumentException(option + " is required\n" + USAGE);
  }
}
