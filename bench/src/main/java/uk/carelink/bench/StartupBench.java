package uk.carelink.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-to-ready time and RSS only: several starts against a fresh PostgreSQL database and against
 * the embedded default (no SPRING_DATASOURCE_URL, CARELINK_STORAGE_DATADIR in a fresh temp
 * directory).
 */
final class StartupBench {
  /** One start. */
  record Sample(
      String mode,
      int run,
      double readySeconds,
      double rssMib,
      double settledRssMib,
      double load,
      double worldLoadSeconds) {

    /** Start-up alone: start to ready less the sandbox world's load, if one was loaded. */
    double startupSeconds() {
      return Double.isNaN(worldLoadSeconds) ? readySeconds : readySeconds - worldLoadSeconds;
    }
  }

  private static final Pattern WORLD_LOADED =
      Pattern.compile("Sandbox world loaded: \\d+ resources in \\d+ transactions, ([0-9.]+) s");

  private final Path serverJar;
  private final List<String> jvmArgs;
  private final int pgPort;
  private final Path logDir;
  private final Duration readyTimeout;
  private final Duration settle;
  private final String runId;
  private final double quietLoad;
  private final PrintStream log;

  StartupBench(
      Path serverJar,
      List<String> jvmArgs,
      int pgPort,
      Path logDir,
      Duration readyTimeout,
      Duration settle,
      String runId,
      double quietLoad,
      PrintStream log) {
    this.serverJar = serverJar;
    this.jvmArgs = jvmArgs;
    this.pgPort = pgPort;
    this.logDir = logDir;
    this.readyTimeout = readyTimeout;
    this.settle = settle;
    this.runId = runId;
    this.quietLoad = quietLoad;
    this.log = log;
  }

  List<Sample> run(List<String> modes, int runs) throws IOException, InterruptedException {
    PostgresDatabases pg = new PostgresDatabases(pgPort, "postgres");
    String stamp = runId;
    List<Sample> samples = new ArrayList<>();
    for (String mode : modes) {
      for (int i = 1; i <= runs; i++) {
        Path logFile = logDir.resolve("startup-" + stamp + "-" + mode + "-" + i + ".log");
        if ("postgres".equals(mode)) {
          String db = "carelink_bench_" + stamp + "_startup_" + i;
          pg.create(db);
          try {
            samples.add(once(mode, i, ServerEnv.postgres(pg, db, true, true), logFile, null));
          } finally {
            pg.drop(db);
          }
        } else if ("embedded".equals(mode)) {
          Path dir = Files.createTempDirectory("carelink-bench-data-");
          try {
            samples.add(once(mode, i, ServerEnv.embedded(dir), logFile, dir));
            // The developer's usual start: the world is already there.
            Path again = logDir.resolve("startup-" + stamp + "-" + mode + "-restart-" + i + ".log");
            samples.add(once(mode + "-restart", i, ServerEnv.embedded(dir), again, dir));
          } finally {
            deleteTree(dir);
          }
        } else {
          throw new IllegalArgumentException("mode must be postgres or embedded: " + mode);
        }
      }
    }
    return samples;
  }

  private Sample once(String mode, int run, Map<String, String> env, Path logFile, Path dir)
      throws IOException, InterruptedException {
    double load =
        quietLoad > 0
            ? MachineInfo.awaitQuiet(quietLoad, Duration.ofMinutes(10), log)[0]
            : MachineInfo.loadAverage()[0];
    try (ServerProcess server =
        ServerProcess.start(new ServerProcess.Spec(serverJar, jvmArgs, env, logFile, dir))) {
      Duration ready = server.awaitReady(readyTimeout);
      double rss = server.rssKib() / 1024.0;
      TimeUnit.MILLISECONDS.sleep(settle.toMillis());
      double settled = server.rssKib() / 1024.0;
      Sample s =
          new Sample(
              mode, run, ready.toMillis() / 1000.0, rss, settled, load, worldLoadSeconds(logFile));
      log.printf(
          Locale.ROOT,
          "  %-8s run %d: ready %.2f s (world load %.1f s), RSS %.0f MiB at ready, %.0f MiB %d s"
              + " later%n",
          mode,
          run,
          s.readySeconds(),
          s.worldLoadSeconds(),
          rss,
          settled,
          settle.toSeconds());
      return s;
    }
  }

  private static double worldLoadSeconds(Path logFile) throws IOException {
    Matcher matcher = WORLD_LOADED.matcher(Files.readString(logFile));
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
  }

  static String markdown(List<Sample> samples, String context) {
    StringBuilder md = new StringBuilder("## Start-to-ready and RSS\n\n- " + context + "\n\n");
    md.append(
        "| database | run | start to ready (s) | sandbox world load (s) | start-up without it (s) |"
            + " RSS at ready (MiB) | RSS settled (MiB) | load avg (1 min) before |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Sample s : samples) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.2f | %s | %.2f | %.0f | %.0f | %.2f |%n",
              s.mode(),
              s.run(),
              s.readySeconds(),
              Double.isNaN(s.worldLoadSeconds())
                  ? "—"
                  : String.format(Locale.ROOT, "%.1f", s.worldLoadSeconds()),
              s.startupSeconds(),
              s.rssMib(),
              s.settledRssMib(),
              s.load()));
    }
    for (String mode : samples.stream().map(Sample::mode).distinct().toList()) {
      List<Sample> of = samples.stream().filter(s -> s.mode().equals(mode)).toList();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | median | %.2f | | %.2f | %.0f | %.0f | |%n",
              mode,
              Percentiles.of(of.stream().map(Sample::readySeconds).toList()).p50(),
              Percentiles.of(of.stream().map(Sample::startupSeconds).toList()).p50(),
              Percentiles.of(of.stream().map(Sample::rssMib).toList()).p50(),
              Percentiles.of(of.stream().map(Sample::settledRssMib).toList()).p50()));
    }
    return md.toString();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
