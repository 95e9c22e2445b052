package uk.carelink.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.carelink.bench.Metric.Better;

/**
 * The whole comparison: for each variant (project interceptors on, then off) a fresh database, a
 * fresh server process, start-to-ready and RSS, the workload, then stop and drop. Variants run one
 * after another on the same machine so that their figures can be compared.
 */
final class ComparisonRun {
  /** One server configuration. */
  record Variant(String name, boolean interceptors) {}

  /** Everything the run needs. */
  record Settings(
      Path serverJar,
      List<String> jvmArgs,
      Map<String, String> extraEnv,
      int pgPort,
      List<Variant> variants,
      Duration readyTimeout,
      double quietLoad,
      Duration quietWait,
      Path logDir,
      boolean keepDatabases,
      String runId,
      WorkloadRun.Settings workload,
      AuthOptions auth) {}

  private final Settings settings;
  private final PrintStream log;

  ComparisonRun(Settings settings, PrintStream log) {
    this.settings = settings;
    this.log = log;
  }

  static List<Variant> parseVariants(String spec) {
    List<Variant> variants = new ArrayList<>();
    for (String v : spec.split(",", -1)) {
      switch (v.trim()) {
        case "on" -> variants.add(new Variant("interceptors on", true));
        case "off" -> variants.add(new Variant("interceptors off", false));
        default -> throw new IllegalArgumentException("variant must be on or off: " + v);
      }
    }
    return variants;
  }

  List<Measurements> run() throws InterruptedException {
    PostgresDatabases pg = new PostgresDatabases(settings.pgPort(), "postgres");
    String stamp = settings.runId();
    List<Measurements> results = new ArrayList<>();
    for (Variant v : settings.variants()) {
      Measurements m = new Measurements(v.name());
      results.add(m);
      String db = "carelink_bench_" + stamp + "_" + (v.interceptors() ? "on" : "off");
      Path logFile = settings.logDir().resolve("server-" + stamp + "-" + db + ".log");
      log.printf("%n=== %s: database %s, server log %s ===%n", v.name(), db, logFile);
      double[] load =
          settings.quietLoad() > 0
              ? MachineInfo.awaitQuiet(settings.quietLoad(), settings.quietWait(), log)
              : MachineInfo.loadAverage();
      log.println("  load average before start (1/5/15 min): " + MachineInfo.describeLoad(load));
      m.add("load", "load average (1 min) before start", "", load[0], Better.NONE);
      if (load[0] >= 1.0) {
        m.note(
            "the machine was busy before this variant started (load average "
                + MachineInfo.describeLoad(load)
                + "): figures are skewed by other work");
      }
      try {
        pg.create(db);
      } catch (IOException e) {
        m.note("could not create database " + db + ": " + e.getMessage());
        continue;
      }
      try {
        runVariant(v, pg, db, logFile, m);
      } catch (IOException | RuntimeException e) {
        log.println("  run failed: " + e.getMessage());
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        m.note(
            "run failed: "
                + (newline < 0 ? message : message.substring(0, newline))
                + " (see the server log)");
      } finally {
        LogScan.Summary s = LogScan.scan(logFile);
        m.add("log.errors", "server log ERROR lines", "lines", s.errors(), Better.LOWER);
        m.add("log.warnings", "server log WARN lines", "lines", s.warnings(), Better.LOWER);
        for (Map.Entry<String, Integer> e : s.firstErrors().entrySet()) {
          m.note("server log ERROR (" + e.getValue() + "×): " + e.getKey());
        }
        if (settings.keepDatabases()) {
          log.println("  keeping database " + db);
        } else {
          try {
            pg.drop(db);
          } catch (IOException e) {
            m.note("could not drop database " + db + ": " + e.getMessage());
          }
        }
      }
    }
    return results;
  }

  private void runVariant(Variant v, PostgresDatabases pg, String db, Path logFile, Measurements m)
      throws IOException, InterruptedException {
    Map<String, String> env = new HashMap<>(settings.extraEnv());
    env.putAll(ServerEnv.postgres(pg, db, v.interceptors(), false));
    ServerProcess.Spec spec =
        new ServerProcess.Spec(settings.serverJar(), settings.jvmArgs(), env, logFile);
    try (ServerProcess server = ServerProcess.start(spec)) {
      Duration ready = server.awaitReady(settings.readyTimeout());
      long rss = server.rssKib();
      log.printf(
          "  ready after %.2f s, RSS %d MiB (pid %d, %s)%n",
          ready.toMillis() / 1000.0, rss / 1024, server.pid(), server.root());
      m.add("start.ready", "start to ready", "s", ready.toMillis() / 1000.0, Better.LOWER);
      m.add("start.rss", "RSS when ready", "MiB", rss / 1024.0, Better.LOWER);

      HttpClient http = FhirHttpClient.newHttpClient();
      AuthOptions auth = settings.auth();
      FhirHttpClient careHome =
          auth.client(http, server.root(), server.fhirBase(), AuthOptions.Party.CARE_HOME);
      FhirHttpClient hospital =
          auth.client(http, server.root(), server.fhirBase(), AuthOptions.Party.HOSPITAL);
      try {
        new WorkloadRun(settings.workload(), careHome, hospital, log).run(m);
      } finally {
        m.add("end.rss", "RSS after workload", "MiB", server.rssKib() / 1024.0, Better.LOWER);
        m.add("end.hwm", "peak RSS", "MiB", server.peakRssKib() / 1024.0, Better.LOWER);
        try {
          m.add(
              "end.db",
              "database size after workload",
              "MiB",
              pg.sizeBytes(db) / 1024.0 / 1024.0,
              Better.LOWER);
        } catch (IOException | NumberFormatException e) {
          m.note("database size unknown: " + e.getMessage());
        }
      }
    }
  }
}
